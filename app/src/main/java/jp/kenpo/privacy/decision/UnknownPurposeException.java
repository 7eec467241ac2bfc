package jp.kenpo.privacy.decision;

import jp.kenpo.privacy.catalog.PurposeCode;

/** A purpose code that no catalog version has ever published: a mistake of the caller, not a denial. */
public class UnknownPurposeException extends RuntimeException {

    public UnknownPurposeException(PurposeCode code) {
        super("no published catalog version has purpose " + code);
    }
}
