package org.opackiosk.app.holds;

import java.util.List;
import java.util.Set;

import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.holds.ContactMethod;

/**
 * What a patron may choose for a hold, and what is chosen to begin with: the same wherever a hold is placed (one
 * record, the cart) or changed (My page).
 */
public final class HoldChoices {

    private HoldChoices() {
    }

    /**
     * The contact methods the patron may choose: none where the server does not let them choose
     * ({@link Capability#HOLD_CONTACT_METHOD}); e-mail only with an address.
     */
    public static List<ContactMethod> contactMethods(Set<Capability> capabilities, boolean hasEmail) {
        if (!capabilities.contains(Capability.HOLD_CONTACT_METHOD)) {
            return List.of();
        }
        return hasEmail ? List.of(ContactMethod.EMAIL, ContactMethod.PHONE, ContactMethod.NONE)
                : List.of(ContactMethod.PHONE, ContactMethod.NONE);
    }

    /** The contact method a new hold starts with: e-mail where the patron has an address, else the phone. */
    static ContactMethod firstContact(boolean hasEmail) {
        return hasEmail ? ContactMethod.EMAIL : ContactMethod.PHONE;
    }

    /** The pickup library a new hold starts with: the kiosk's branch where it is offered, else the first; null when none is. */
    static String firstPickup(List<Library> offered, String kioskBranchId) {
        return offered.stream().map(Library::id).filter(kioskBranchId::equals).findFirst()
                .orElse(offered.isEmpty() ? null : offered.get(0).id());
    }
}
