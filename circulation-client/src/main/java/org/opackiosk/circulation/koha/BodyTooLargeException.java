package org.opackiosk.circulation.koha;

/** The response body is larger than the kiosk is willing to read. */
final class BodyTooLargeException extends MalformedResponseException {

    BodyTooLargeException(long limit) {
        super("response body larger than " + limit + " bytes");
    }
}
