package jp.kenpo.privacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of modules in {@code docs/design-notes.md} ("## Modules"), enforced: every package of
 * the application is a row of it, each module uses only the modules its row allows, no module's
 * SQL names a table another module owns, no two modules need each other, and the engines know
 * nothing of Spring or the application. A new package, or a new dependency, is a new line of the
 * table first.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "jp.kenpo.privacy";
    private static final List<String> ENGINES = List.of("formats", "anonymizer");
    private static final Path NOTES = Path.of("../docs/design-notes.md");
    private static final Path SOURCES = Path.of("src/main/java/jp/kenpo/privacy");

    private static final Map<String, Module> TABLE = Module.readTable(NOTES);

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** A row of the table: the package, the tables it owns, the modules and engines it may use. */
    record Module(String name, List<String> owns, Set<String> mayUse) {

        private static final Pattern NAME = Pattern.compile("`([a-z_*]+)`");

        static Map<String, Module> readTable(Path notes) {
            List<String> lines;
            try {
                lines = Files.readAllLines(notes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the design notes hold the table of modules", e);
            }
            int from = lines.indexOf("## Modules");
            assertThat(from).as("a section '## Modules' in " + notes).isNotNegative();
            var rows = new LinkedHashMap<String, String[]>();
            for (String line : lines.subList(from + 1, lines.size())) {
                if (line.startsWith("## ")) {
                    break;
                }
                if (line.startsWith("| `")) {
                    String[] cells = line.split("\\|");
                    rows.put(names(cells[1]).get(0), cells);
                }
            }
            var modules = new LinkedHashMap<String, Module>();
            rows.forEach((name, cells) -> {
                var mayUse = new LinkedHashSet<>(names(cells[3]));
                if (cells[3].contains("every module")) {
                    rows.keySet().stream().filter(m -> !m.equals(name)).forEach(mayUse::add);
                }
                modules.put(name, new Module(name, names(cells[2]), mayUse));
            });
            return modules;
        }

        private static List<String> names(String cell) {
            var names = new ArrayList<String>();
            Matcher m = NAME.matcher(cell);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        boolean owns(String table) {
            return owns.stream()
                    .anyMatch(
                            t -> t.endsWith("*") ? table.startsWith(t.substring(0, t.length() - 1)) : table.equals(t));
        }
    }

    private static String packageOf(String module) {
        return ROOT + "." + module + "..";
    }

    @Test
    void theTableListsTheModulesTheNotesName() {
        assertThat(TABLE.keySet())
                .contains(
                        "catalog",
                        "members",
                        "consent",
                        "decision",
                        "audit",
                        "accounts",
                        "mynumber",
                        "claims",
                        "shared",
                        "web",
                        "cli");
        assertThat(TABLE.get("shared").mayUse()).isEmpty();
        assertThat(TABLE.get("audit").mayUse()).containsExactly("shared");
    }

    @Test
    void everyPackageIsAModuleOfTheTable() {
        var known = new ArrayList<String>();
        TABLE.keySet().forEach(m -> known.add(packageOf(m)));
        ENGINES.forEach(e -> known.add(packageOf(e)));
        classes()
                .that()
                .resideOutsideOfPackage(ROOT)
                .should()
                .resideInAnyPackage(known.toArray(String[]::new))
                .because("a package of the application is a module: add it to the table in docs/design-notes.md")
                .check(APP);
    }

    /** Each module reaches only the modules (and engines) its row names; {@code shared} none at all. */
    @TestFactory
    Stream<DynamicTest> eachModuleUsesOnlyWhatItsRowAllows() {
        return TABLE.values().stream()
                .map(module -> DynamicTest.dynamicTest(module.name() + " uses only " + module.mayUse(), () -> {
                    var forbidden = new ArrayList<String>();
                    Stream.concat(TABLE.keySet().stream(), ENGINES.stream())
                            .filter(m ->
                                    !m.equals(module.name()) && !module.mayUse().contains(m))
                            .forEach(m -> forbidden.add(packageOf(m)));
                    if (forbidden.isEmpty()) {
                        return;
                    }
                    // fails, too, when the row names a package that has no classes
                    noClasses()
                            .that()
                            .resideInAPackage(packageOf(module.name()))
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(forbidden.toArray(String[]::new))
                            .because("docs/design-notes.md lets " + module.name() + " use only " + module.mayUse())
                            .check(APP);
                }));
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(APP);
    }

    /**
     * A module reaches another's data through that module's service, never its tables: the SQL
     * in a module's sources (its string literals) names no table another row owns.
     */
    @Test
    void noModuleReadsAnotherModulesTables() throws IOException {
        Pattern literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
        Pattern table = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)");
        var trespasses = new ArrayList<String>();
        for (Module module : TABLE.values()) {
            Path dir = SOURCES.resolve(module.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher strings = literal.matcher(Files.readString(file));
                    while (strings.find()) {
                        String sql = strings.group(1) != null ? strings.group(1) : strings.group(2);
                        Matcher t = table.matcher(sql);
                        while (t.find()) {
                            String name = t.group(1).toLowerCase();
                            TABLE.values().stream()
                                    .filter(owner -> owner != module && owner.owns(name))
                                    .forEach(owner -> trespasses.add(SOURCES.relativize(file) + " names " + name
                                            + ", a table of " + owner.name()));
                        }
                    }
                }
            }
        }
        assertThat(trespasses).as("SQL naming another module's tables").isEmpty();
    }

    @Test
    void theEnginesKnowNothingOfSpringOrTheApplication() {
        JavaClasses engines = new ClassFileImporter()
                .importPackages(ENGINES.stream().map(e -> ROOT + "." + e).toList());
        var application = new ArrayList<>(List.of("org.springframework..", "java.sql..", "javax.sql.."));
        TABLE.keySet().forEach(m -> application.add(packageOf(m)));
        noClasses()
                .that()
                .resideInAnyPackage(
                        ENGINES.stream().map(ModuleBoundariesTest::packageOf).toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(application.toArray(String[]::new))
                .allowEmptyShould(false)
                .check(engines);
        assertThat(engines.stream().map(c -> c.getPackageName().split("\\.")[3]).distinct())
                .as("both engines were imported")
                .containsExactlyInAnyOrderElementsOf(ENGINES);
    }
}
