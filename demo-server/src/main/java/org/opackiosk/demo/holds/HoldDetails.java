package org.opackiosk.demo.holds;

import java.time.LocalDate;

/**
 * What the kiosk's extensions keep about a hold beyond Koha's fields.
 *
 * @param contactMethod  {@code email}, {@code phone} or {@code none}; {@code null} = the patron's default
 * @param seriesGroupId  the ordered series (順番予約) the hold belongs to, or {@code null}
 * @param seriesPosition its place in that series, from 1, or {@code null}
 * @param transitDate    the day the item set aside for it left for the pickup library (status T)
 * @param dismissed      an old hold the patron no longer wants listed
 */
public record HoldDetails(int holdId, String contactMethod, Integer seriesGroupId, Integer seriesPosition,
                          LocalDate transitDate, boolean dismissed) {
}
