package jp.kenpo.privacy.members;

import jp.kenpo.privacy.shared.MemberKeyShape;

/**
 * How staff and other systems address a member: 記号-番号-枝番 ({@code SYMBOL-NUMBER-BRANCH}),
 * e.g. {@code 1234-5678-01}. Symbol and number are ASCII letters and digits; the branch (枝番)
 * is two digits ({@link MemberKeyShape} has the rule). A refusal says what shape was expected and
 * never repeats the input: it may be anything a person typed, an individual number included.
 */
public record MemberKey(String symbol, String number, String branch) implements Comparable<MemberKey> {

    public MemberKey {
        String problem = MemberKeyShape.problem(symbol, number, branch);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static MemberKey parse(String text) {
        String[] parts = MemberKeyShape.parts(text == null ? null : text.strip());
        if (parts == null) {
            throw new IllegalArgumentException("not a member key: " + MemberKeyShape.EXPECTED);
        }
        return new MemberKey(parts[0], parts[1], parts[2]);
    }

    /** The insured person's key for a dependent with the same symbol and number. */
    public MemberKey withBranch(String otherBranch) {
        return new MemberKey(symbol, number, otherBranch);
    }

    @Override
    public int compareTo(MemberKey o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return symbol + "-" + number + "-" + branch;
    }
}
