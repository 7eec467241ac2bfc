package jp.kenpo.privacy.release;

/** The caller's role may not do this with releases (the web layer refuses first; this holds every other caller). */
public class ReleaseForbiddenException extends RuntimeException {

    public ReleaseForbiddenException(String reason) {
        super(reason);
    }
}
