/**
 * The receipt electronic format (レセプト電算処理システム, 記録条件仕様): a streaming reader that
 * returns one {@link jp.kenpo.privacy.formats.receipt.Receipt} at a time, and a writer for the same
 * format. See formats/README.md for the record layouts and their sources.
 */
package jp.kenpo.privacy.formats.receipt;
