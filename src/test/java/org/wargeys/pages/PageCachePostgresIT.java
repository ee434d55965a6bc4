package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class PageCachePostgresIT extends PageCacheIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
