package jp.kenpo.privacy.bench.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogFile;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.decision.DecisionIndex;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.MemberEligibility;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;

/**
 * A synthetic population for the decision engine, deterministic from a seed: members joining
 * over twenty years, a tenth of them since left (some re-joined), and a few percent with
 * consent events on category 3 or its purposes. No real person's data.
 */
final class SyntheticDecisionData {

    private SyntheticDecisionData() {}

    static DecisionIndex index(int members, double reservingShare, long seed) {
        var random = new SplittableRandom(seed);
        var index = new DecisionIndex();
        index.replaceCatalog(new Catalog(List.of(CatalogFile.parse(defaultCatalog(), "catalog-v1.yaml"))));
        var registry = new ArrayList<MemberEligibility>(members);
        var events = new ArrayList<ConsentEvent>();
        long seq = 0;
        for (int id = 1; id <= members; id++) {
            MemberKey key = key(id);
            LocalDate joined = LocalDate.of(2006, 4, 1).plusDays(random.nextInt(20 * 365));
            var periods = new ArrayList<EligibilityPeriod>(2);
            if (random.nextInt(10) == 0) {
                LocalDate left = joined.plusDays(30 + random.nextInt(3000));
                periods.add(new EligibilityPeriod(joined, Optional.of(left)));
                if (random.nextInt(4) == 0) {
                    periods.add(new EligibilityPeriod(left.plusDays(200), Optional.empty()));
                }
            } else {
                periods.add(new EligibilityPeriod(joined, Optional.empty()));
            }
            registry.add(new MemberEligibility(id, key, periods));
            if (random.nextDouble() < reservingShare) {
                int n = 1 + random.nextInt(3);
                for (int e = 1; e <= n; e++) {
                    ConsentAction action = e == 1 ? ConsentAction.RESERVE : ConsentAction.values()[random.nextInt(4)];
                    ConsentTarget target = random.nextInt(3) == 0
                            ? ConsentTarget.category(3)
                            : ConsentTarget.purpose(new PurposeCode(3, 1 + random.nextInt(9)));
                    LocalDate received = LocalDate.of(2025, 4, 1).plusDays(random.nextInt(500));
                    Instant recorded = SocietyTime.startOf(received).plusSeconds(36_000);
                    events.add(new ConsentEvent(
                            ++seq,
                            id,
                            key,
                            e,
                            action,
                            target,
                            received,
                            Channel.PAPER,
                            Filer.SELF,
                            "bench",
                            recorded,
                            Optional.empty(),
                            "",
                            ""));
                }
            }
        }
        index.applyRegistry(registry);
        index.applyEvents(events);
        return index;
    }

    static MemberKey key(int id) {
        return new MemberKey(Integer.toString(1000 + id / 1000), Integer.toString(id), "00");
    }

    static String defaultCatalog() {
        try (InputStream in = SyntheticDecisionData.class.getResourceAsStream("/catalog/catalog-v1.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
