package jp.kenpo.privacy.release;

/**
 * How linking codes become pseudonyms (PPC Rules Art. 34(3)).
 *
 * <p>{@code PER_RELEASE}: a new random key for each release, destroyed after the build, so that
 * nothing links two releases. {@code STABLE}: one key per recipient, kept in the vault as
 * 加工方法等情報 (processing-method information, APPI Art. 43(2), PPC Rules Art. 35), so that the
 * recipient can follow a person from month to month.
 */
public enum PseudonymPolicy {
    PER_RELEASE,
    STABLE
}
