package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class SearchPagesSqliteIT extends SearchPagesIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
