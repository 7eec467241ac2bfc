package jp.kenpo.privacy.members;

/** No member has the key asked for. */
public class UnknownMemberException extends RuntimeException {

    private final MemberKey key;

    public UnknownMemberException(MemberKey key) {
        super("no member " + key + " in the registry");
        this.key = key;
    }

    public MemberKey key() {
        return key;
    }
}
