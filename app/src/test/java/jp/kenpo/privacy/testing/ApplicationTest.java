package jp.kenpo.privacy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.mynumber.VaultKeyFiles;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Base of the tests that need the application and its database, with its web server on a random
 * loopback port. Tagged {@code database}: the build runs them on H2 and again on PostgreSQL. Which
 * database is the subclass's {@code @DynamicPropertySource}: {@link DatabaseTest}'s shared one, or
 * one of its own for a test that must not see the rows other tests leave (Spring calls a
 * superclass's property sources after the subclass's, so a subclass cannot override a source
 * declared here). The vault's master key is a key file made for the run in a temporary directory.
 */
@Tag("database")
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWiring.class)
public abstract class ApplicationTest {

    /** The run's master key file (nothing secret is committed: each run makes its own). */
    public static final Path MASTER_KEY = newKeyFile();

    @Autowired
    protected ConfigurableApplicationContext context;

    @LocalServerPort
    protected int port;

    protected static void register(DynamicPropertyRegistry registry, TestDatabases.Database db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    /** An HTTP client for the test server with the test accounts. */
    protected Api api() {
        return new Api(port, TestAccounts.of(context));
    }

    protected TestAccounts accounts() {
        return TestAccounts.of(context);
    }

    /** A new key file in a fresh temporary directory, removed when the run ends. */
    public static Path newKeyFile() {
        try {
            Path dir = Files.createTempDirectory("kenpo-test-keys");
            Path key = dir.resolve("master.key");
            VaultKeyFiles.generate(key);
            key.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
