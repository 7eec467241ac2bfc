package jp.kenpo.privacy.members;

/** A member whose row lock the current transaction holds: what a writer needs to know of them. */
public record LockedMember(long id, MemberKey key, MemberKind kind) {}
