package jp.kenpo.privacy.pages;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Files sent from the import page: as large as {@code kenpo.import.max-upload-bytes} together, the
 * limit of the API's member import too, and written to the container's temporary folder past
 * 1 MB instead of being held in memory. The request boundary refuses a larger body before it is
 * read; this bounds one sent in chunks, which declares no length.
 */
@Configuration(proxyBeanMethods = false)
class ImportUploads {

    /** The form's own fields and each part's headers, on top of the files (the request boundary allows as much). */
    static final long ENVELOPE = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${kenpo.import.max-upload-bytes:268435456}") long maxBytes) {
        return new MultipartConfigElement("", -1, maxBytes + ENVELOPE, 1024 * 1024);
    }
}
