package jp.kenpo.privacy.consent;

/** How the society received the member's request. */
public enum Channel {
    PAPER,
    COUNTER,
    PHONE,
    PORTAL
}
