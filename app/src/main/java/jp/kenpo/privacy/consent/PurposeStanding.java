package jp.kenpo.privacy.consent;

import jp.kenpo.privacy.catalog.Purpose;

/** A member's state on one purpose of the notice in force. */
public record PurposeStanding(Purpose purpose, ConsentState state) {}
