package org.wargeys.newsroom;

import org.wargeys.testsupport.DatabaseKind;

class StaffManagementPostgresIT extends StaffManagementIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
