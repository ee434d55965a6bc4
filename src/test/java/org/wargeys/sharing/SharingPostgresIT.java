package org.wargeys.sharing;

import org.wargeys.testsupport.DatabaseKind;

class SharingPostgresIT extends SharingIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
