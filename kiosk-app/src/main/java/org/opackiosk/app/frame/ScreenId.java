package org.opackiosk.app.frame;

/** The screens a patron can be on; each names itself in the breadcrumb with its message key. */
public enum ScreenId {
    ATTRACT("screen.attract"),
    SEARCH("screen.search"),
    RESULTS("screen.results"),
    RECORD("screen.record"),
    // patron's kiosk (login, My page)
    LOGIN("screen.login"),
    NOTICES("screen.notices"),
    MY_PAGE("screen.mypage"),
    HOLD("screen.hold"),
    PASSWORD("screen.password"),
    EMAIL("screen.email"),
    CART("screen.cart"),
    // a hold request taken while the library's system is unreachable (issue 7)
    OFFLINE_HOLD("screen.offlineHold"),
    // staff maintenance mode (issue 8): the PIN, then the dashboard
    STAFF_ENTRY("screen.staffEntry"),
    STAFF("screen.staff");

    private final String messageKey;

    ScreenId(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
