package jp.kenpo.privacy.members;

/** An upload larger than the API takes. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long limit) {
        super("the upload is larger than " + limit + " bytes; import larger files with ./kenpo members import");
    }
}
