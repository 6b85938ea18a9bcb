package org.opackiosk.demo.catalogue;

import java.util.Objects;

/**
 * One physical copy of a demo record, generated deterministically by the loader.
 *
 * <p>{@code callNumber} is printed the way Japanese libraries label their spines: {@code NDC/著者記号/巻次},
 * e.g. {@code 913.6/ナ/} or {@code 913.6/オ/3}.
 */
public record DemoItem(int itemNumber, int recordNumber, String barcode, String homeBranchId, String callNumber,
        String location, boolean notForLoan) {

    public DemoItem {
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(homeBranchId, "homeBranchId");
        Objects.requireNonNull(callNumber, "callNumber");
        Objects.requireNonNull(location, "location");
    }
}
