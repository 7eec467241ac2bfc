package jp.kenpo.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestNumbers;
import jp.kenpo.privacy.testing.TestWiring;

/**
 * Runs last (junit-platform.properties orders test classes by @Order) and reads everything the run
 * logged (every level from INFO, DEBUG for the application) and answered (every HTTP response:
 * status, headers, body; every command's output): no 12-digit number that passes the individual
 * number's check digit may appear anywhere, except in the body of a permitted read, which the
 * recorder leaves out. A number is 12 digits not touching another letter or digit, so that digit
 * runs inside hex hashes or tokens do not count.
 */
@Tag("database")
@Order(Integer.MAX_VALUE)
class NumberLeakScanTest {

    static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])");

    static List<String> leaks(String where, List<String> lines) {
        var found = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            var m = TWELVE_DIGITS.matcher(lines.get(i));
            while (m.find()) {
                if (TestNumbers.valid(m.group())) {
                    found.add(where + ":" + (i + 1) + ": ********" + m.group().substring(8));
                }
            }
        }
        return found;
    }

    @Test
    void theScanFindsANumberWhereverItIsAndNothingInHashes() {
        String number = TestNumbers.next();
        assertThat(leaks("t", List.of("IndividualNumber[value=" + number + "]"))).hasSize(1);
        assertThat(leaks("t", List.of("{\"n\":\"" + number + "\"}", "at " + number))).hasSize(2);
        assertThat(leaks("t", List.of("hash a" + number + "f"))).isEmpty();
    }

    @Test
    void noLogLineOrAnswerOfTheWholeRunHoldsAnIndividualNumber() throws IOException {
        var found = new ArrayList<String>();
        for (Path file : RunRecord.files()) {
            assertThat(file).as("the run's record").exists();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            found.addAll(leaks(file.getFileName().toString(), lines));
        }
        assertThat(found).isEmpty();
        String answers = Files.readString(RunRecord.files().get(1), StandardCharsets.UTF_8);
        assertThat(answers).as("numbers did pass through this run").contains("HTTP POST " + TestWiring.NUMBER_READS + " -> 200")
                .contains("./kenpo mynumber import");
    }
}
