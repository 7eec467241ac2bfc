package jp.kenpo.privacy.release;

/**
 * One file of a sealed release as {@code manifest.json} lists it: its path inside the archive
 * ({@code /}-separated), the SHA-256 of its bytes (lower-case hex) and, for a CSV table, the
 * number of records after the header. A file that is not a table has {@link #NOT_A_TABLE} rows.
 */
public record ManifestEntry(String file, String sha256, long rows) {

    public static final long NOT_A_TABLE = -1;

    public boolean isTable() {
        return rows != NOT_A_TABLE;
    }
}
