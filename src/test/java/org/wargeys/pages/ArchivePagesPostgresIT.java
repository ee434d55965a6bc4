package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class ArchivePagesPostgresIT extends ArchivePagesIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
