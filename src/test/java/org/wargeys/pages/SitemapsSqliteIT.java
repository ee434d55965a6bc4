package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class SitemapsSqliteIT extends SitemapsIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
