package org.opackiosk.circulation.koha;

import java.io.IOException;

/** The server answered, but not with something the kiosk can use (wrong type, bad JSON, missing field, too big). */
class MalformedResponseException extends IOException {

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
