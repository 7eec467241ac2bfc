package jp.kenpo.privacy.anonymizer.setvalued;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import org.junit.jupiter.api.Test;

/** (k,m)-anonymity made again after rows the search released are suppressed by a later check. */
class KmRecheckTest {

    private static final KmAnonymity K2M2 = new KmAnonymity("d", 2, 2);

    private static Table table(String... cells) {
        var builder = Table.builder(new ColumnSpec("d", ColumnType.STRING, Role.SET_VALUED));
        for (String cell : cells) {
            builder.row(cell);
        }
        return builder.build();
    }

    @Test
    void anItemsetLeftToFewerThanKReleasedRowsIsBrokenAtTheSameLevelAndEarlierRemovalsStay() {
        Table table = table("a|b", "a|b", "a", "a", "c");
        KmResult searched =
                KmAnonymizer.anonymize(table, K2M2, null, row -> false).result();
        assertThat(searched.level()).isZero();
        assertThat(searched.suppressedItems()).containsExactly("c");

        // the second holder of {a, b} is suppressed after the search: b and {a, b} are held once
        Set<Integer> suppressed = Set.of(1);
        KmAnonymizer.Outcome rechecked = KmAnonymizer.recheck(table, K2M2, null, suppressed::contains, searched);

        assertThat(rechecked.result().level()).isZero();
        assertThat(rechecked.result().suppressedItems()).containsExactlyInAnyOrder("b", "c");
        assertThat(rechecked.result().violationsAfter()).isZero();
        assertThat(rechecked.column().items(0)).containsExactly("a");
        assertThat(rechecked.column().items(1)).containsExactly("*");
        assertThat(rechecked.column().items(4)).isEmpty();
    }

    @Test
    void aRecheckOverTheRowsTheSearchReleasedRemovesNothingMore() {
        Table table = table("a|b", "a|b", "a", "a", "c");
        KmResult searched =
                KmAnonymizer.anonymize(table, K2M2, null, row -> false).result();
        KmResult rechecked =
                KmAnonymizer.recheck(table, K2M2, null, row -> false, searched).result();
        assertThat(rechecked).isEqualTo(searched);
    }
}
