package org.opackiosk.app.holds;

/**
 * 予約カートに入れる from any screen (a record's page, a search result), logged in or not. Returns
 * whether the record was added (false: already in the cart, or the cart is full). UI thread only.
 */
@FunctionalInterface
public interface CartAdder {

    boolean addToCart(String recordId, String title);
}
