package jp.kenpo.privacy.web;

/**
 * A request body larger than its endpoint takes ({@link BodyLimits}), found while it was read
 * (a chunked body declares no length). Unchecked, so that no reader on the way — Jackson, a CSV
 * parser — mistakes it for a fault of the text and answers 400.
 */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes, the most this endpoint takes");
    }
}
