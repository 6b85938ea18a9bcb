package org.opackiosk.app.holds;

import java.util.List;
import java.util.Objects;

/**
 * シリーズを順番に予約 from a record's page: puts volumes of one series, in reading order, into the hold
 * cart as an ordered series (順番予約) and opens the cart, logging the patron in first when nobody is.
 * UI thread only.
 */
@FunctionalInterface
public interface SeriesAdder {

    void addSeries(List<Volume> volumes);

    /** One volume as the cart lists it: the record and its title with the volume. */
    record Volume(String recordId, String title) {
        public Volume {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(title, "title");
        }
    }
}
