package org.wargeys.newsroom;

import org.wargeys.testsupport.DatabaseKind;

class StaffManagementSqliteIT extends StaffManagementIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
