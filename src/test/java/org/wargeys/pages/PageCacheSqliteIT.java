package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class PageCacheSqliteIT extends PageCacheIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
