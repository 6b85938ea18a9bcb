package org.opackiosk.demo.catalogue;

import java.util.Objects;

/** A service point of the demo library (a row of branches.tsv); one of them is a bookmobile stop. */
public record DemoBranch(String id, String name, String nameEn, boolean pickupLocation, boolean bookmobile) {

    public DemoBranch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
