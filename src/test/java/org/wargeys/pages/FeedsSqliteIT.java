package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class FeedsSqliteIT extends FeedsIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
