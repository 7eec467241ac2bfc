package jp.kenpo.privacy.requests;

/** Where a request stands; it only moves forward, one step at a time. */
public enum RequestState {
    RECEIVED,
    IDENTITY_VERIFIED,
    DECIDED,
    ANSWERED;

    public boolean isOpen() {
        return this != ANSWERED;
    }
}
