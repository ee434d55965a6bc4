package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class PublicSiteSqliteIT extends PublicSiteIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
