package org.opackiosk.app.holds;

/**
 * 予約カートに入れる from any screen (a record's page, a search result), logged in or not. Returns
 * what the cart did, so the screen can say which it was. UI thread only.
 */
@FunctionalInterface
public interface CartAdder {

    Outcome addToCart(String recordId, String title);

    /** What putting a record in the cart did. */
    enum Outcome {
        ADDED,
        /** The record was in the cart already: nothing changed. */
        ALREADY_IN_CART,
        /** The cart holds {@link CartViewModel#MAX_ITEMS} records: nothing changed. */
        FULL
    }
}
