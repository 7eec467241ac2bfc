package jp.kenpo.privacy.catalog;

/** A catalog file that cannot be published, with the file, line and reason. */
public class CatalogFileException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public CatalogFileException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem belongs to the file as a whole. */
    public int line() {
        return line;
    }

    /** Why, without the file and line (a page shows those apart). */
    public String reason() {
        return reason;
    }
}
