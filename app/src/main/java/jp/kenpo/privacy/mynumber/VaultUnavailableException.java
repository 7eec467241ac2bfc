package jp.kenpo.privacy.mynumber;

/** The vault cannot work: no master key configured, or the key cannot be read. */
public class VaultUnavailableException extends RuntimeException {

    public VaultUnavailableException(String reason) {
        super(reason);
    }
}
