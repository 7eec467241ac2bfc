package jp.kenpo.privacy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On a database with no catalog yet, publishes the catalog shipped with the application
 * (the society's current notice), so that the system never runs without a notice in force.
 */
@Component
class DefaultCatalog implements ApplicationRunner {

    static final String RESOURCE = "catalog/catalog-v1.yaml";

    private final CatalogService catalog;

    DefaultCatalog(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalog.catalog().latest().isPresent()) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            catalog.publish(source, RESOURCE, "kenpo (default catalog)");
        } catch (IOException e) {
            throw new UncheckedIOException("the default catalog " + RESOURCE + " is missing from the application", e);
        } catch (CatalogFileException e) {
            if (catalog.catalog().latest().isEmpty()) {
                throw e;
            }
            // another process published it at the same moment
        }
    }
}
