package jp.kenpo.privacy.mynumber;

/** What an import stored: numbers of members who had none, and numbers that replaced a member's previous one. */
public record VaultImport(String source, int rowsRead, int added, int replaced) {}
