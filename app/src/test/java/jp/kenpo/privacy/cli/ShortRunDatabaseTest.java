package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A short command leaves the compaction of an H2 file it opens to the server and the long commands. */
class ShortRunDatabaseTest {

    private static final String PROPERTY = "spring.datasource.hikari.data-source-properties.AUTO_COMPACT_FILL_RATE";

    private static StandardEnvironment configured(String url) {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("configured", Map.of("spring.datasource.url", url)));
        ShortRunDatabase.apply(environment);
        return environment;
    }

    @Test
    void anEmbeddedH2FileIsOpenedWithoutBackgroundCompaction() {
        assertThat(configured("jdbc:h2:file:./data/kenpo;AUTO_SERVER=TRUE").getProperty(PROPERTY))
                .isEqualTo("0");
        assertThat(configured("jdbc:h2:./data/kenpo").getProperty(PROPERTY)).isEqualTo("0");
    }

    @Test
    void otherDatabasesAndAnExplicitSettingAreLeftAsConfigured() {
        assertThat(configured("jdbc:postgresql://127.0.0.1:5432/kenpo").getProperty(PROPERTY))
                .isNull();
        assertThat(configured("jdbc:h2:mem:kenpo").getProperty(PROPERTY)).isNull();
        assertThat(configured("jdbc:h2:tcp://127.0.0.1/kenpo").getProperty(PROPERTY))
                .isNull();
        assertThat(configured("jdbc:h2:file:./data/kenpo;AUTO_COMPACT_FILL_RATE=50")
                        .getProperty(PROPERTY))
                .isNull();
    }
}
