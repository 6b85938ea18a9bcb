package org.opackiosk.core.holds;

/** 連絡方法: how the library tells the patron a hold is ready. */
public enum ContactMethod {
    EMAIL, PHONE, NONE
}
