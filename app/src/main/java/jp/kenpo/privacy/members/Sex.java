package jp.kenpo.privacy.members;

/** Sex as the national code lists record it: 1 male, 2 female. */
public enum Sex {
    MALE(1),
    FEMALE(2);

    private final int code;

    Sex(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Sex ofCode(int code) {
        return switch (code) {
            case 1 -> MALE;
            case 2 -> FEMALE;
            default -> throw new IllegalArgumentException("sex must be 1 (male) or 2 (female), not " + code);
        };
    }
}
