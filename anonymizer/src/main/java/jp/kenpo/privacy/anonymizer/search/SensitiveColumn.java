package jp.kenpo.privacy.anonymizer.search;

import jp.kenpo.privacy.anonymizer.data.ValueColumn;
import jp.kenpo.privacy.anonymizer.model.SensitiveDomain;

/** A sensitive column some model reads: per row its value code, and the column as a whole. */
record SensitiveColumn(String name, ValueColumn values, int[] rows, long[] counts, SensitiveDomain domain) {}
