package org.opackiosk.app.holds;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.opackiosk.app.i18n.Localization;
import org.opackiosk.core.config.LibrarySettings;
import org.opackiosk.core.device.Slip;
import org.opackiosk.core.device.Slips;

/** The receipt of holds just placed: title, pickup library, place in the queue (issue 4); no card number or name. */
public final class HoldReceipt {

    private HoldReceipt() {
    }

    /** Empty when no hold has been placed (nothing to print). */
    public static Optional<Slip> of(HoldViewModel.Placed placed, LibrarySettings library, LocalDate today, Locale language) {
        if (placed == null) {
            return Optional.empty();
        }
        boolean en = Localization.ENGLISH.getLanguage().equals(language.getLanguage());
        return Optional.of(Slips.holdPlaced(en ? library.nameEn() : library.nameJa(), placed.title(), placed.pickupLibrary(),
                placed.queuePosition(), today, language));
    }

    /** The receipt of the hold cart's last 予約する; empty when it placed nothing. */
    public static Optional<Slip> ofCart(CartViewModel.Receipt placed, LibrarySettings library, LocalDate today, Locale language) {
        if (placed == null) {
            return Optional.empty();
        }
        boolean en = Localization.ENGLISH.getLanguage().equals(language.getLanguage());
        return Optional.of(Slips.holdsPlaced(en ? library.nameEn() : library.nameJa(), placed.holds(), placed.pickupLibrary(),
                today, language));
    }
}
