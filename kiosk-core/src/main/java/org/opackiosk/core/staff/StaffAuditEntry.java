package org.opackiosk.core.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * One staff action as the audit keeps it: when, who (a masked staff card number, or how staff got in,
 * e.g. "key switch"), what was done, and how it ended. Never a patron's data, never a PIN.
 */
public record StaffAuditEntry(Instant at, String staff, String action, String outcome) {

    public StaffAuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
