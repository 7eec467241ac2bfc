package jp.kenpo.privacy.release;

import org.springframework.security.access.AccessDeniedException;

/** The caller's role may not do this with releases (the web layer refuses first; this holds every other caller). */
public class ReleaseForbiddenException extends AccessDeniedException {

    public ReleaseForbiddenException(String reason) {
        super(reason);
    }
}
