package org.wargeys.api;

import org.wargeys.platform.SharedEvent;

/** A content key was made or revoked: every node reloads the live keys it holds in memory. */
public record ContentKeysChanged(long keyId) implements SharedEvent {}
