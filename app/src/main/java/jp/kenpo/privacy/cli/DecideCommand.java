package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.decision.BatchDecision;
import jp.kenpo.privacy.decision.Decision;
import jp.kenpo.privacy.decision.DecisionService;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "decide",
        description =
                "May a member's data be used for a purpose at an instant? "
                        + "For one member the first line is PERMIT <basis> or DENY <reason>; for a population, the counts and who is denied.")
final class DecideCommand extends AppCommand {

    @Option(names = "--purpose", required = true, description = "purpose code, e.g. 3.8")
    PurposeCode purpose;

    @ArgGroup(multiplicity = "1")
    Population population;

    static final class Population {
        @Option(names = "--member", description = "one member key SYMBOL-NUMBER-BRANCH")
        MemberKey member;

        @Option(names = "--all", description = "every member in the registry")
        boolean all;

        @Option(names = "--members-file", description = "a file of member keys, one per line")
        Path file;
    }

    @Option(names = "--at", description = "the instant of the use (default: now); a date means 00:00 Tokyo time")
    Instant at;

    @Option(names = "--known-at", description = "decide with only the events recorded by this instant")
    Instant knownAt;

    @Override
    public Integer call() throws IOException {
        var decisions = service(DecisionService.class);
        Instant when = at != null ? at : Instant.now();
        if (population.member != null) {
            Decision d = decisions.decide(population.member, purpose, when, Optional.ofNullable(knownAt));
            out().println(d.summary());
            out().printf(
                            "member %s, purpose %s, at %s, catalog version %s%n",
                            d.member(),
                            d.purpose(),
                            SocietyTime.format(d.at()),
                            d.catalogVersion().isPresent() ? d.catalogVersion().getAsInt() : "none");
            d.statute().ifPresent(s -> out().println("statute: " + s));
            if (d.reservationOnRecord()) {
                out().println("the member has reserved this purpose: the use goes ahead on its legal basis, "
                        + "and the member is owed an answer saying so");
            }
            return 0;
        }
        var keys = population.file == null ? Optional.<List<MemberKey>>empty() : Optional.of(keys(population.file));
        BatchDecision b = decisions.decideBatch(purpose, when, keys, Optional.ofNullable(knownAt));
        out().printf(
                        "PERMIT %d DENY %d of %d  (purpose %s at %s, catalog version %d)%n",
                        b.permitted(),
                        b.deniedCount(),
                        b.population(),
                        b.purpose(),
                        SocietyTime.format(b.at()),
                        b.catalogVersion());
        b.permittedByBasis().forEach((basis, n) -> out().printf("  permitted %s: %d%n", basis, n));
        if (b.reservationsOnRecord() > 0) {
            out().printf(
                            "  permitted on a legal basis despite a reservation on record: %d%n",
                            b.reservationsOnRecord());
        }
        b.deniedByReason().forEach((reason, n) -> out().printf("  denied %s: %d%n", reason, n));
        b.denied().forEach(d -> out().println("DENY " + d.reason() + " " + d.member()));
        return 0;
    }

    /**
     * The member keys of a list file, one a line (blank lines skipped), each key once. A bad key
     * refuses the whole list, named as {@code FILE:LINE}: a batch decided over a list the system
     * misread would answer for another population than the one asked about.
     */
    static List<MemberKey> keys(Path file) throws IOException {
        var keys = new LinkedHashSet<MemberKey>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                keys.add(MemberKey.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return List.copyOf(keys);
    }
}
