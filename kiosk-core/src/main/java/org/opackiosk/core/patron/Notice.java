package org.opackiosk.core.patron;

import java.time.LocalDate;

/** Something the patron is told right after login, before anything else. */
public sealed interface Notice {

    /** The card expires within a month: renew at the counter with proof of address. */
    record CardExpiresSoon(LocalDate expiryDate) implements Notice {
    }

    /** The card has expired: renew at the counter with proof of address. */
    record CardExpired(LocalDate expiryDate) implements Notice {
    }

    /** 貸出禁止: the patron may look but not borrow or place holds, for a reason of {@code category}. */
    record Suspended(SuspensionCategory category) implements Notice {
        public Suspended {
            java.util.Objects.requireNonNull(category, "category");
        }
    }

    /** Items are overdue. */
    record Overdue(int count) implements Notice {
    }

    /** Holds are ready for pickup, each with its own last day, the first deadline first. */
    record HoldsReady(java.util.List<ReadyHold> holds) implements Notice {
        public HoldsReady {
            holds = holds.stream().sorted(java.util.Comparator.comparing(ReadyHold::lastDay)).toList();
            if (holds.isEmpty()) {
                throw new IllegalArgumentException("no ready holds");
            }
        }

        public int count() {
            return holds.size();
        }

        public LocalDate earliestLastDay() {
            return holds.getFirst().lastDay();
        }
    }

    /** A hold waiting on the hold shelf: the record's title (empty when the server did not say) and the last day to collect it. */
    record ReadyHold(String title, LocalDate lastDay) {
        public ReadyHold {
            java.util.Objects.requireNonNull(title, "title");
            java.util.Objects.requireNonNull(lastDay, "lastDay");
        }
    }
}
