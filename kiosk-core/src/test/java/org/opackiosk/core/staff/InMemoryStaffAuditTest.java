package org.opackiosk.core.staff;

/** The staff audit contract in memory. */
class InMemoryStaffAuditTest extends StaffAuditContract {

    @Override
    protected StaffAudit open() {
        return new InMemoryStaffAudit();
    }
}
