package org.opackiosk.demo.catalogue;

/** Flags of a demo record, written in the {@code flags} column of records.tsv. */
public enum RecordFlag {
    /** The newest issue of a magazine: read in the library only, not holdable. */
    NEWEST_ISSUE,
    /** A reference book (参考図書, 禁帯出): not for loan, not holdable. */
    REFERENCE,
    /** Not for loan for another reason (e.g. a rare old edition kept in the closed stacks). */
    NOT_FOR_LOAN
}
