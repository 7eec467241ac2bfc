/**
 * The specific health checkup electronic standard format (特定健診情報ファイル, HL7 CDA R2) and its
 * exchange archive: a hardened StAX reader, a writer, and archive reader and writer.
 */
package jp.kenpo.privacy.formats.checkup;
