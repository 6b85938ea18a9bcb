package org.opackiosk.provisioning.enroll;

/** Lets tests of other packages set {@link EnrollCommand}'s seams. */
public final class EnrollCommandAccess {

    private EnrollCommandAccess() {
    }

    public static void ownersUnchanged(EnrollCommand command) {
        command.ownership = FileOwnership.unchanged();
    }
}
