package org.opackiosk.core.holds;

import java.time.LocalDate;
import java.util.Objects;

/** 予約取消一覧: a hold that was cancelled or expired, until the patron dismisses it (確認済) or it ages out. */
public record CancelledHold(String holdId, String recordId, String title, LocalDate cancelledOn, Reason reason) {

    public enum Reason {
        /** Ready but not picked up in time. */
        NOT_PICKED_UP,
        /** The patron cancelled it. */
        CANCELLED_BY_PATRON,
        /** The library cancelled it (e.g. the item was lost). */
        CANCELLED_BY_LIBRARY,
        /** The hold's own expiry date passed. */
        EXPIRED
    }

    public CancelledHold {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(cancelledOn, "cancelledOn");
        Objects.requireNonNull(reason, "reason");
    }
}
