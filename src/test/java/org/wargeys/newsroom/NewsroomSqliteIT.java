package org.wargeys.newsroom;

import org.wargeys.testsupport.DatabaseKind;

class NewsroomSqliteIT extends NewsroomIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }
}
