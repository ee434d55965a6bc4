package org.wargeys.sharing;

import org.wargeys.testsupport.DatabaseKind;

class SharingSqliteIT extends SharingIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
