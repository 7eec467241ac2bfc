package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.mynumber.MyNumberImport;
import jp.kenpo.privacy.mynumber.MyNumberVault;
import jp.kenpo.privacy.mynumber.VaultImport;
import jp.kenpo.privacy.mynumber.VaultKeyFiles;
import jp.kenpo.privacy.mynumber.VaultStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "mynumber",
        description = "The vault of individual numbers (My Number).",
        subcommands = {
            MyNumberCommand.Import.class,
            MyNumberCommand.Show.class,
            MyNumberCommand.Status.class,
            MyNumberCommand.NewKey.class,
            MyNumberCommand.Rewrap.class
        })
final class MyNumberCommand {

    @Command(
            name = "import",
            description = "Stores individual numbers from CSV (header: member,individual_number); "
                    + "all rows or, if one is bad, none.")
    static final class Import extends AppCommand {
        @Parameters(description = "the CSV file")
        Path file;

        @Option(
                names = "--encoding",
                defaultValue = "UTF-8",
                description = "UTF-8 (default) or Windows-31J (Shift_JIS)")
        Charset encoding;

        @Override
        public Integer call() throws IOException {
            VaultImport r;
            try (InputStream in = Files.newInputStream(file)) {
                r = service(MyNumberImport.class).importCsv(in, file.toString(), encoding);
            }
            out().printf(
                            "%s: %d rows read; %d numbers added, %d replaced%n",
                            r.source(), r.rowsRead(), r.added(), r.replaced());
            return 0;
        }
    }

    @Command(name = "show", description = "Shows whether a member's number is on file, masked: ********1234.")
    static final class Show extends AppCommand {
        @Parameters(description = "the member key SYMBOL-NUMBER-BRANCH")
        MemberKey member;

        @Override
        public Integer call() {
            out().println(member + "  " + service(MyNumberVault.class).masked(member));
            return 0;
        }
    }

    @Command(name = "status", description = "How many numbers the vault holds and which master keys wrap its keys.")
    static final class Status extends AppCommand {
        @Override
        public Integer call() {
            VaultStatus s = service(MyNumberVault.class).status();
            out().printf("%d individual numbers; current master key %s%n", s.numbers(), s.currentMasterKeyId());
            s.wrappings()
                    .forEach(w -> out().printf(
                                    "  master key %s%s wraps %d data key(s), %d lookup key(s), %d pseudonym key(s)%n",
                                    w.masterKeyId(),
                                    w.current() ? " (current)" : " (previous: run ./kenpo mynumber rewrap)",
                                    w.dataKeys(),
                                    w.lookupKeys(),
                                    w.pseudonymKeys()));
            return 0;
        }
    }

    @Command(
            name = "new-key",
            description = "Writes a new random master key file (AES-256, readable by its owner only).")
    static final class NewKey extends AppCommand {
        @Parameters(
                description =
                        "the key file to create (never overwritten); keep it outside the database and its backups")
        Path file;

        @Override
        public Integer call() throws IOException {
            String id = VaultKeyFiles.generate(file);
            out().printf("wrote master key %s to %s%n", id, file);
            return 0;
        }
    }

    @Command(
            name = "rewrap",
            description =
                    "Key rotation: wraps every data, lookup and pseudonym key with the current master key "
                            + "(kenpo.mynumber.master-key); the previous one must still be in kenpo.mynumber.previous-master-keys.")
    static final class Rewrap extends AppCommand {
        @Override
        public Integer call() {
            int n = service(MyNumberVault.class).rewrap();
            out().printf("%d vault key(s) re-wrapped with the current master key%n", n);
            return 0;
        }
    }
}
