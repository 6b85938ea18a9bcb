package org.opackiosk.core.patron;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which notices a patron gets after login; the same rules whatever server is behind the kiosk. */
public final class Notices {

    private Notices() {
    }

    /**
     * @param today the library's today
     * @param ready the holds ready for pickup whose last day is known, each with its own
     */
    public static List<Notice> of(LocalDate today, LocalDate expiryDate, Optional<SuspensionCategory> restriction,
                                  int overdueCount, List<Notice.ReadyHold> ready) {
        List<Notice> notices = new ArrayList<>();
        if (expiryDate.isBefore(today)) {
            notices.add(new Notice.CardExpired(expiryDate));
        } else if (!expiryDate.isAfter(today.plusMonths(1))) {
            notices.add(new Notice.CardExpiresSoon(expiryDate));
        }
        restriction.ifPresent(r -> notices.add(new Notice.Suspended(r)));
        if (overdueCount > 0) {
            notices.add(new Notice.Overdue(overdueCount));
        }
        if (!ready.isEmpty()) {
            notices.add(new Notice.HoldsReady(ready));
        }
        return notices;
    }
}
