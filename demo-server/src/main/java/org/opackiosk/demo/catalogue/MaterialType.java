package org.opackiosk.demo.catalogue;

/** The material types of the demo catalogue, each with the Koha item type code the demo server uses. */
public enum MaterialType {
    BOOK("BK"),
    CHILDREN("JBK"),
    PICTURE_BOOK("PB"),
    MAGAZINE("MG"),
    DVD("DVD"),
    CD("CD"),
    KAMISHIBAI("KMS");

    private final String kohaItemType;

    MaterialType(String kohaItemType) {
        this.kohaItemType = kohaItemType;
    }

    /** The Koha {@code item_type_id} of items of this type. */
    public String kohaItemType() {
        return kohaItemType;
    }

    /** Whether this is audio-visual material (DVD, CD), which has its own hold limit. */
    public boolean audioVisual() {
        return this == DVD || this == CD;
    }

    /** Whether items of this type may travel on the bookmobile (books, children's books, picture books). */
    boolean bookmobileMaterial() {
        return this == BOOK || this == CHILDREN || this == PICTURE_BOOK;
    }
}
