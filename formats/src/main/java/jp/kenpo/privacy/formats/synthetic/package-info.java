/**
 * A synthetic 健保組合: members, receipts and checkups for one fiscal year, deterministic for a
 * seed, written in the real file formats. No real person's data.
 */
package jp.kenpo.privacy.formats.synthetic;
