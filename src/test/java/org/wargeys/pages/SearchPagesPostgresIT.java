package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class SearchPagesPostgresIT extends SearchPagesIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
