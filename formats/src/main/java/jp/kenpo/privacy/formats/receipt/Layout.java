package jp.kenpo.privacy.formats.receipt;

/** The two line layouts of receipt files. */
public enum Layout {
    /**
     * As facilities send it (RECEIPTC.UKE): the record identifier first, the receipts of a facility
     * between its IR/YK header and a GO record.
     */
    CLAIM,
    /**
     * As the review-and-payment organisation hands it to insurers (RECODEINFO): three numeric
     * columns before the identifier (1 for records of the claim, 2 for records the organisation
     * adds such as MN, EX, RC; the line's serial within the receipt; a status column), every
     * receipt carrying its own MN and facility header, no GO record.
     */
    INSURER
}
