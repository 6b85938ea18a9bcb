package org.opackiosk.provisioning.check;

import java.util.Objects;

/**
 * The outcome of one check a technician reads: what was checked, whether it passed, what was found,
 * and — when it failed — what to do about it.
 */
public record Check(String name, boolean passed, String detail, String hint) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        hint = hint == null ? "" : hint;
    }

    public static Check pass(String name, String detail) {
        return new Check(name, true, detail, "");
    }

    public static Check fail(String name, String detail, String hint) {
        return new Check(name, false, detail, hint);
    }
}
