package jp.kenpo.privacy.anonymizer.hierarchy;

/**
 * A hierarchy applied to a column's distinct values: {@code codes[level][value]} numbers the
 * value's label at each level, and {@code labels[level][code]} gives it back. Only labels some
 * value reaches get a code, so {@code labels[level].length} counts what the data can show.
 */
public record LevelCodes(int[][] codes, String[][] labels) {

    public int levels() {
        return codes.length;
    }

    public int size(int level) {
        return labels[level].length;
    }
}
