package jp.kenpo.privacy.formats;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a reader in {@link ReadMode#LENIENT} tells what it could not read, each problem once and
 * in one of two places: a record it left out goes to {@link #unreadable}, with the problem that
 * made it unreadable and its text as it stood in the file, so that a clerk can resolve it; a
 * problem of the file itself (a total that disagrees, a header, a line that belongs to no record)
 * goes to {@link #ofFile}, since it is not a record and must not be counted as one.
 */
public interface ReadProblems {

    /** A problem of the file as a whole, not of one record. */
    void ofFile(FormatError problem);

    /** A record left out. */
    void unreadable(UnreadableRecord record);

    /** Both kinds to one consumer of problems, for callers that only print them (inspect). */
    static ReadProblems each(Consumer<FormatError> problems) {
        Objects.requireNonNull(problems, "problems");
        return new ReadProblems() {
            @Override
            public void ofFile(FormatError problem) {
                problems.accept(problem);
            }

            @Override
            public void unreadable(UnreadableRecord record) {
                problems.accept(record.problem());
            }
        };
    }
}
