package jp.kenpo.privacy.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tests on the shared database: one Spring context shared by every such test class, so each
 * works on members of its own ({@link TestMembers}).
 */
public abstract class DatabaseTest extends ApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, TestDatabases.named("shared"));
        registry.add("kenpo.mynumber.master-key", () -> "file:" + MASTER_KEY);
    }
}
