package org.wargeys.importer;

import org.wargeys.testsupport.DatabaseKind;

class SiteExportSqliteIT extends SiteExportIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
