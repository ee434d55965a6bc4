package org.wargeys.backup;

/** An archive that cannot be restored, or a target that cannot take it; nothing was changed. */
public final class BackupRefused extends RuntimeException {
    BackupRefused(String reason) {
        super(reason);
    }
}
