package jp.kenpo.privacy.testing;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the application and its database: one Spring context, with its
 * web server on a random loopback port, shared by every such test class. Tagged {@code database}:
 * the build runs them on H2 and again on PostgreSQL. Tests share the database, so each works on
 * members of its own ({@link TestMembers}); a test that needs a database of its own overrides
 * {@link #databaseName()} through a subclass with its own {@code @DynamicPropertySource}.
 */
@Tag("database")
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DatabaseTest {

    @Autowired
    protected ConfigurableApplicationContext context;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, TestDatabases.named("shared"));
    }

    protected static void register(DynamicPropertyRegistry registry, TestDatabases.Database db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
