package org.wargeys;

import org.wargeys.testsupport.DatabaseKind;

class NewsroomSecurityPostgresIT extends NewsroomSecurityIT {
    @Override
    DatabaseKind database() {
        return DatabaseKind.POSTGRESQL;
    }
}
