package org.wargeys.importer;

import org.wargeys.testsupport.DatabaseKind;

class SiteExportPostgresIT extends SiteExportIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
