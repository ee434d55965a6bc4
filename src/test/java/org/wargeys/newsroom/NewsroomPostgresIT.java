package org.wargeys.newsroom;

import org.wargeys.testsupport.DatabaseKind;

class NewsroomPostgresIT extends NewsroomIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
