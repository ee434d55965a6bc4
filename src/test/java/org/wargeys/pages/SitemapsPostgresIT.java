package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class SitemapsPostgresIT extends SitemapsIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
