package org.opackiosk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StaffAudit} promises, run against each implementation (in memory and H2): extend it
 * and say how to open one. Durable implementations also override {@link #reopen}.
 */
public abstract class StaffAuditContract {

    protected static final Instant T0 = Instant.parse("2026-11-23T05:05:00Z");

    protected StaffAudit audit;

    /** A new, empty audit. */
    protected abstract StaffAudit open();

    /** The same audit after a restart; in memory: itself. */
    protected StaffAudit reopen(StaffAudit current) {
        return current;
    }

    @BeforeEach
    void openAudit() {
        audit = open();
    }

    private static StaffAuditEntry entry(int minute, String action) {
        return new StaffAuditEntry(T0.plusSeconds(60L * minute), "****0001", action, "done");
    }

    @Test
    void aNewAuditIsEmpty() {
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void recentGivesTheNewestFirstUpToTheLimit() {
        audit.record(entry(0, "enter staff mode"));
        audit.record(entry(1, "sync now"));
        audit.record(entry(2, "leave staff mode"));

        assertThat(audit.recent(2)).extracting(StaffAuditEntry::action).containsExactly("leave staff mode", "sync now");
        assertThat(audit.recent(0)).isEmpty();
    }

    @Test
    void entriesRecordedInTheSameMillisecondKeepTheirOrder() {
        audit.record(entry(0, "first"));
        audit.record(entry(0, "second"));

        assertThat(audit.recent(5)).extracting(StaffAuditEntry::action).containsExactly("second", "first");
    }

    @Test
    void everyFieldComesBackAsRecorded() {
        StaffAuditEntry e = new StaffAuditEntry(T0.plusMillis(123), "key switch", "reboot", "refused by the system: 権限がありません");
        audit.record(e);

        audit = reopen(audit);

        assertThat(audit.recent(1)).containsExactly(e);
    }

    @Test
    void entriesSurviveARestart() {
        audit.record(entry(0, "enter staff mode"));

        audit = reopen(audit);
        audit.record(entry(1, "leave staff mode"));

        assertThat(audit.recent(10)).extracting(StaffAuditEntry::action).containsExactly("leave staff mode", "enter staff mode");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> audit.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
