package org.opackiosk.core.circulation;

/** The value of a successful call that has nothing to return. */
public enum Done {
    DONE
}
