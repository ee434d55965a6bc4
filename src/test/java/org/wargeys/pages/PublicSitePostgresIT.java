package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class PublicSitePostgresIT extends PublicSiteIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
