package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jp.kenpo.privacy.KenpoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The short commands run with a Spring context the build prepared ahead of time (Spring AOT, the
 * launcher's {@code -Dspring.aot.enabled=true}): every bean condition was decided then, once, for
 * every command and every installation. That holds only while the build prepares the very context
 * the short commands start and no bean depends on a setting only the run knows.
 */
class AheadOfTimeContextTest {

    /** What the build's process-aot sees, up to its environment: no database is opened. */
    private record Prepared(SpringApplication application, ConfigurableEnvironment environment) {}

    @Test
    void theBuildPreparesTheContextTheShortCommandsStart() {
        var prepared = new AtomicReference<Prepared>();
        String before = System.getProperty(LazyApplication.AOT_PROCESSING);
        System.setProperty(LazyApplication.AOT_PROCESSING, "true");
        try {
            assertThatThrownBy(() -> SpringApplication.withHook(
                            application -> new SpringApplicationRunListener() {
                                @Override
                                public void environmentPrepared(
                                        ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
                                    prepared.set(new Prepared(application, environment));
                                    throw new SpringApplication.AbandonedRunException();
                                }
                            },
                            () -> {
                                Kenpo.main(new String[0]);
                                return null;
                            }))
                    .isInstanceOf(SpringApplication.AbandonedRunException.class);
        } finally {
            if (before == null) {
                System.clearProperty(LazyApplication.AOT_PROCESSING);
            } else {
                System.setProperty(LazyApplication.AOT_PROCESSING, before);
            }
        }
        // the generated context is found at run time by the application class's name
        assertThat(prepared.get().application().getMainApplicationClass()).isEqualTo(KenpoApplication.class);
        assertThat(prepared.get().application().getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
        assertThat(prepared.get().environment().getProperty(LazyApplication.SKIP_FLYWAY_WHEN_CURRENT))
                .isEqualTo("true");
    }

    @Test
    void noBeanConditionReadsASettingOnlyTheRunKnows() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.kenpo.privacy");
        var conditions = new ArrayList<String>();
        for (JavaClass javaClass : classes) {
            Class<?> type = javaClass.reflect();
            Stream.concat(Stream.of(type), Arrays.stream(type.getDeclaredMethods()))
                    .forEach(element -> conditions.addAll(conditions(element)));
        }
        // the scan sees conditions: the short commands' own one is there
        assertThat(conditions).contains(LazyApplication.SKIP_FLYWAY_WHEN_CURRENT);
        assertThat(conditions)
                .as("bean conditions on settings the build cannot know (it decides them for the short commands)")
                .containsOnly(LazyApplication.SKIP_FLYWAY_WHEN_CURRENT);
    }

    /** What the conditions of one class or bean method read: property names, or what else decides them. */
    private static List<String> conditions(AnnotatedElement element) {
        var annotations = MergedAnnotations.from(element, MergedAnnotations.SearchStrategy.DIRECT);
        var found = new ArrayList<String>();
        if (annotations.isPresent(Profile.class) || annotations.isPresent(ConditionalOnExpression.class)) {
            found.add(element + ": a profile or expression");
        }
        for (var condition : List.of(ConditionalOnProperty.class, ConditionalOnBooleanProperty.class)) {
            annotations.stream(condition).forEach(annotation -> found.addAll(properties(annotation)));
        }
        return found;
    }

    private static List<String> properties(MergedAnnotation<?> annotation) {
        String prefix = annotation.getString("prefix");
        String[] names = annotation.getStringArray("name");
        if (names.length == 0) {
            names = annotation.getStringArray("value");
        }
        return Arrays.stream(names)
                .map(name -> prefix.isEmpty() ? name : prefix.replaceAll("\\.$", "") + "." + name)
                .toList();
    }
}
