package org.wargeys;

import org.wargeys.testsupport.DatabaseKind;

class NewsroomSecuritySqliteIT extends NewsroomSecurityIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
