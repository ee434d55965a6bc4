package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class ArchivePagesSqliteIT extends ArchivePagesIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
