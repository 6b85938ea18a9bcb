package org.opackiosk.app.search;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Slips;

/**
 * The call-number slip of a record page (issue 5): title, call number, shelf location, branch, and the
 * web OPAC's QR code. The copy to find is one on the shelf when there is one, else the first listed.
 */
public final class CallNumberSlip {

    private CallNumberSlip() {
    }

    /** Empty when there is no record or no copy to find. */
    public static Optional<Slip> of(CatalogueEntry entry, List<RecordViewModel.Holding> holdings, Optional<String> recordUrl) {
        if (entry == null || holdings.isEmpty()) {
            return Optional.empty();
        }
        RecordViewModel.Holding copy = holdings.stream()
                .min(Comparator.comparing(h -> h.status() == RecordViewModel.Status.ON_SHELF ? 0 : 1))
                .orElseThrow();
        String title = entry.title() + (entry.volume().isEmpty() ? "" : " " + entry.volume());
        return Optional.of(Slips.callNumber(title, copy.callNumber(), copy.location(), copy.branch(), recordUrl));
    }
}
