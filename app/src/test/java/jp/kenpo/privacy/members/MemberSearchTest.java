package jp.kenpo.privacy.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The フリガナ search finds a member whichever width the member file wrote the フリガナ in, and
 * whichever the clerk types: half-width katakana, hiragana or full-width katakana.
 */
class MemberSearchTest extends DatabaseTest {

    @Autowired
    MemberImport memberImport;

    @Autowired
    MemberRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    private static final String FULL = "アイウエオカキクケコサシスセソタ";
    private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀ";
    private static final String HIRAGANA = "あいうえおかきくけこさしすせそた";

    /** Eight letters no other test's フリガナ begins with, in one of the three spellings. */
    private static String unique(String alphabet) {
        var out = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            out.append(alphabet.charAt(Character.digit(c, 16)));
        }
        return out.toString();
    }

    private static String spelled(String letters, String from, String to) {
        var out = new StringBuilder();
        for (char c : letters.toCharArray()) {
            out.append(to.charAt(from.indexOf(c)));
        }
        return out.toString();
    }

    private MemberKey registered(String kana) {
        String symbol = TestMembers.freshSymbol();
        TestMembers.importRows(
                memberImport,
                List.of(TestMembers.insured(symbol, "1", "2020-04-01", null).replace("シケン タロウ", kana)));
        return new MemberKey(symbol, "1", "00");
    }

    private List<MemberKey> found(String typed) {
        return TestAccounts.as(
                        "clerk",
                        Role.CLERK,
                        () -> registry.search(
                                new MemberSearch(Optional.of(typed), Optional.empty(), Optional.empty()),
                                Optional.empty(),
                                50))
                .stream()
                .map(Member::key)
                .toList();
    }

    @Test
    void aFuriganaTypedInHalfWidthHiraganaOrFullWidthFindsMembersWrittenInEitherWidth() {
        String letters = unique(FULL);
        // ガ: a voiced sound, two characters in half width (ｶﾞ); a full-width space in the file
        MemberKey writtenFull = registered("ガ" + letters + "　タロウ");
        MemberKey writtenHalf = registered("ｶﾞ" + spelled(letters, FULL, HALF) + " ﾊﾅｺ");

        for (String typed : List.of(
                "ｶﾞ" + spelled(letters, FULL, HALF),
                "が" + spelled(letters, FULL, HIRAGANA),
                "ガ" + letters,
                "ｶﾞ" + spelled(letters, FULL, HALF).substring(0, 4))) {
            assertThat(found(typed)).as(typed).containsExactlyInAnyOrder(writtenFull, writtenHalf);
        }
        assertThat(found("ガ" + letters + " タ")).as("past the space").containsExactly(writtenFull);
        assertThat(found("ｶﾞ" + spelled(letters, FULL, HALF) + "　ﾊﾅ")).containsExactly(writtenHalf);
        assertThat(found("カ" + letters)).as("カ is not ガ").isEmpty();
    }

    /**
     * The database's reading of a フリガナ (V27: NFKC on PostgreSQL, an expression of its own on H2)
     * is the search's, for every character a フリガナ may hold and each of them voiced or semi-voiced.
     */
    @Test
    void theStoredReadingOfEveryFuriganaCharacterIsWhatTheSearchMakesOfIt() {
        MemberKey m = registered("シケン " + unique(FULL));
        long id = jdbc.queryForObject(
                "select id from member where symbol = ? and number = ? and branch = ?",
                Long.class,
                m.symbol(),
                m.number(),
                m.branch());
        var characters = new ArrayList<String>();
        for (int c = 0x30A0; c <= 0x30FF; c++) {
            characters.add(Character.toString(c));
        }
        for (int c = 0xFF65; c <= 0xFF9F; c++) {
            characters.add(Character.toString(c));
        }
        var names = new ArrayList<String>();
        for (String c : characters) {
            names.add("ア" + c + "ｲ" + c + "ﾞ" + c + "ﾟ　 " + c);
        }
        var mismatches = new ArrayList<String>();
        try {
            for (String name : names) {
                jdbc.update("update member set name_kana = ? where id = ?", name, id);
                String stored =
                        jdbc.queryForObject("select name_kana_search from member where id = ?", String.class, id);
                String expected = MemberSearch.katakana(name);
                if (!expected.equals(stored)) {
                    mismatches.add(name + " → " + stored + " (search: " + expected + ")");
                }
            }
        } finally {
            jdbc.update("update member set name_kana = ? where id = ?", "シケン タロウ", id);
        }
        assertThat(mismatches).isEmpty();
    }
}
