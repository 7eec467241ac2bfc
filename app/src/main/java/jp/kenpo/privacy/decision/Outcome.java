package jp.kenpo.privacy.decision;

/** Whether a use or provision of a member's data may go ahead. */
public enum Outcome {
    PERMIT,
    DENY
}
