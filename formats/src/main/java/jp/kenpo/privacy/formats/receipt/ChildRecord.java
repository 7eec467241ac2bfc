package jp.kenpo.privacy.formats.receipt;

/** A record that belongs to a receipt, in its place among the receipt's child records. */
public interface ChildRecord {

    /** Position among the receipt's child records (0-based): the 摘要 order. */
    int seq();

    /** The record identifier as written. */
    String recordType();
}
