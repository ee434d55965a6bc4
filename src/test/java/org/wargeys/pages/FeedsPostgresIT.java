package org.wargeys.pages;

import org.wargeys.testsupport.DatabaseKind;

class FeedsPostgresIT extends FeedsIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
