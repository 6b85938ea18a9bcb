package org.opackiosk.app.frame;

/** The screens a patron can be on; each names itself in the breadcrumb with its message key. */
public enum ScreenId {
    ATTRACT("screen.attract"),
    SEARCH("screen.search"),
    RESULTS("screen.results"),
    RECORD("screen.record"),
    BROWSE("screen.browse");

    private final String messageKey;

    ScreenId(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
