package org.opackiosk.core.circulation;

/**
 * Features a circulation server may or may not offer. The UI hides what the connected server
 * cannot do instead of failing when the patron tries it.
 */
public enum Capability {
    /** 順番予約: holds on the volumes of a series, volume n+1 not allocated before volume n. */
    ORDERED_SERIES_HOLDS,
    /** The patron chooses how they are told a hold is ready (e-mail, phone, none). */
    HOLD_CONTACT_METHOD,
    /** Cancelled and expired holds can be marked as seen (確認済) and leave the list. */
    DISMISS_CANCELLED_HOLDS,
    /** First password registration after an identity check (card number, date of birth, telephone). */
    IDENTITY_CHECK,
    /** The server keeps a second e-mail address for a patron (Koha's {@code secondary_email}). */
    SECONDARY_EMAIL
}
