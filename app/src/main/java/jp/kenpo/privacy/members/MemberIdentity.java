package jp.kenpo.privacy.members;

import java.time.LocalDate;

/** What links a record from outside (a receipt, a checkup) to a member: the card's identifiers, sex and birth date. */
public record MemberIdentity(long id, String insurerNumber, MemberKey key, Sex sex, LocalDate birthDate) {}
