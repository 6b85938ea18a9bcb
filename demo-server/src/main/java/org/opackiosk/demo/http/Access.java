package org.opackiosk.demo.http;

/** Who may call a route. */
public enum Access {
    /** No credentials: Koha's {@code /public/...} routes and {@code /oauth/token}. */
    PUBLIC,
    /** A Bearer token from {@code /oauth/token} or HTTP Basic with the API client's id and secret. */
    API_CLIENT,
    /** The demo server's own {@code /admin/...} routes: no credentials, but only from a loopback address. */
    LOOPBACK
}
