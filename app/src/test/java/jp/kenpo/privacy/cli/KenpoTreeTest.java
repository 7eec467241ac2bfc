package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * A command line builds only the command it names (picocli would build every command's model):
 * the command so built must be the very command of the whole tree, its options, parameters,
 * subcommands and help, and anything that names no command must get the whole tree.
 */
class KenpoTreeTest {

    private static ConfigurableApplicationContext noApplication() {
        throw new AssertionError("building a command line must not start the application");
    }

    @Test
    void aCommandBuiltAloneIsTheCommandOfTheWholeTree() {
        Map<String, CommandLine> whole =
                Kenpo.commandLine(KenpoTreeTest::noApplication).getSubcommands();
        assertThat(whole).containsKeys("decide", "consent", "members", "generate", "anonymize");
        whole.forEach((name, command) -> {
            if (name.equals("help")) {
                return;
            }
            CommandLine root = Kenpo.commandLine(KenpoTreeTest::noApplication, name, "--x");
            assertThat(root.getSubcommands()).as(name).containsOnlyKeys(name);
            assertSame(root.getSubcommands().get(name), command);
            assertThat(root.getCommandSpec().root().userObject()).isInstanceOf(KenpoCommand.class);
        });
    }

    @Test
    void helpOptionsAndUnknownNamesGetTheWholeTree() {
        int all =
                Kenpo.commandLine(KenpoTreeTest::noApplication).getSubcommands().size();
        for (String first : new String[] {"help", "--help", "-V", "decid", ""}) {
            assertThat(Kenpo.commandLine(KenpoTreeTest::noApplication, first).getSubcommands())
                    .as(first)
                    .hasSize(all);
        }
    }

    /** The same usage text (it shows every option, parameter and subcommand) at every level. */
    private static void assertSame(CommandLine alone, CommandLine inTree) {
        assertThat(alone.getCommandSpec().qualifiedName())
                .isEqualTo(inTree.getCommandSpec().qualifiedName());
        assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF))
                .isEqualTo(inTree.getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertThat(alone.getSubcommands().keySet())
                .isEqualTo(inTree.getSubcommands().keySet());
        alone.getSubcommands()
                .forEach((name, sub) -> assertSame(sub, inTree.getSubcommands().get(name)));
    }
}
