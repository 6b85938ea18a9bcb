package org.opackiosk.core.device;

/** The barcode symbology of a scan, where the scanner knows it (a camera does; most serial and wedge scanners do not). */
public enum Symbology {
    /** NW-7: the symbology of most Japanese library cards. */
    CODABAR,
    CODE39,
    CODE128,
    /** EAN-13 / JAN: books' ISBN barcodes (978…, 979…). */
    EAN13,
    EAN8,
    UPC_A,
    /** Interleaved 2 of 5. */
    ITF,
    QR_CODE,
    UNKNOWN
}
