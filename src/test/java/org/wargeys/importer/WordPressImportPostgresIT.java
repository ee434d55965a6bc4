package org.wargeys.importer;

import org.wargeys.testsupport.DatabaseKind;

class WordPressImportPostgresIT extends WordPressImportIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
