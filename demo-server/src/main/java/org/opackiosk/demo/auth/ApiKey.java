package org.opackiosk.demo.auth;

/** An API client's credentials (Koha's API key: one per kiosk, revocable). */
public record ApiKey(String clientId, String secret, boolean active) {

    @Override
    public String toString() {
        return "ApiKey[clientId=" + clientId + ", active=" + active + "]";
    }
}
