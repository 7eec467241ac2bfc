package jp.kenpo.privacy.consent;

import jp.kenpo.privacy.catalog.PurposeCode;

/** What an event is about: one purpose, or every purpose of a category. */
public sealed interface ConsentTarget {

    record OfPurpose(PurposeCode code) implements ConsentTarget {
        @Override
        public int packed() {
            return code.category() * 1000 + code.item();
        }

        @Override
        public String toString() {
            return code.toString();
        }
    }

    record OfCategory(int number) implements ConsentTarget {
        @Override
        public int packed() {
            return number * 1000;
        }

        @Override
        public String toString() {
            return "category " + number;
        }
    }

    static ConsentTarget purpose(PurposeCode code) {
        return new OfPurpose(code);
    }

    static ConsentTarget category(int number) {
        return new OfCategory(number);
    }

    /**
     * Compact form for the in-memory fold: {@code category * 1000 + item} for a purpose,
     * {@code category * 1000} for a whole category.
     */
    int packed();

    /** Reads the compact form back. */
    static ConsentTarget unpack(int packed) {
        int item = packed % 1000;
        return item == 0 ? category(packed / 1000) : purpose(new PurposeCode(packed / 1000, item));
    }
}
