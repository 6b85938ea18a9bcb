package org.opackiosk.core.staff;

/**
 * Checks the circulation server for the staff dashboard: handshake, pin, certificate, token. Read-only.
 * Blocks on the network for up to the configured timeouts: never call on the UI thread. Never throws.
 */
@FunctionalInterface
public interface ServerHealth {

    ServerStatus check();
}
