package org.opackiosk.core.staff;

import java.util.List;

/**
 * Where every staff action is recorded (issue 8, "Audit"): the kiosk's database in production, memory in
 * tests and when the database cannot be used. Implementations also write each entry to the log.
 */
public interface StaffAudit {

    /** Records {@code entry} durably before returning. */
    void record(StaffAuditEntry entry);

    /** The newest {@code limit} entries, newest first. */
    List<StaffAuditEntry> recent(int limit);
}
