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

    /** Holds are ready for pickup; {@code earliestLastDay} is the first deadline among them. */
    record HoldsReady(int count, LocalDate earliestLastDay) implements Notice {
    }
}
