package org.opackiosk.app.offline;

import java.util.function.Consumer;

import org.opackiosk.core.offline.CardInput;

/**
 * Where card numbers come from, and how: the barcode scanner gives {@link CardInput#scanned}, an
 * on-screen keypad {@link CardInput#typed}. The offline hold flow listens only while it waits for a
 * card. The composition root adapts the scanner (its scans classified by the card profile) to this;
 * tests hand numbers in directly. Listeners are called on the UI thread.
 */
@FunctionalInterface
public interface CardNumberSource {

    /** {@code listener} gets every card presented until the registration is closed. */
    Registration onCard(Consumer<CardInput> listener);

    /** Stops the listening; closing twice is harmless. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** A source that never presents a card (no scanner). */
    CardNumberSource NONE = listener -> () -> { };
}
