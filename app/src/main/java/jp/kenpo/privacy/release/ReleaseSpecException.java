package jp.kenpo.privacy.release;

import jp.kenpo.privacy.shared.BadRequestException;

/** A release spec that cannot be used, with the file, the line and the reason (and the field named in it). */
public class ReleaseSpecException extends BadRequestException {

    private final String file;
    private final int line;

    public ReleaseSpecException(String file, int line, String reason) {
        super("spec", file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem belongs to the spec as a whole. */
    public int line() {
        return line;
    }
}
