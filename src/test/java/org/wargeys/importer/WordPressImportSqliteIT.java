package org.wargeys.importer;

import org.wargeys.testsupport.DatabaseKind;

class WordPressImportSqliteIT extends WordPressImportIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
