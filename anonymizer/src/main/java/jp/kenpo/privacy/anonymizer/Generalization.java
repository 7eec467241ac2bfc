package jp.kenpo.privacy.anonymizer;

/** The level one quasi-identifier is generalized to, of the levels its hierarchy has. */
public record Generalization(String column, int level, int levels) {}
