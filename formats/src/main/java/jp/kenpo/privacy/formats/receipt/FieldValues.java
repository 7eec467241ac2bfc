package jp.kenpo.privacy.formats.receipt;

import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.formats.InvalidValueException;

/**
 * The current line's fields as typed values, with the checks every layout shares (負担区分, 転帰区分,
 * 修飾語, 未コード化傷病名, 算定日情報 and 回数, the HO's card fields). The per-kind layouts extend it
 * and read the same line.
 */
abstract class FieldValues {

    final RecordLine line;

    FieldValues(RecordLine line) {
        this.line = line;
    }

    List<String> fieldsAfterType() {
        List<String> f = new ArrayList<>(line.count - 1);
        for (int i = 1; i < line.count; i++) {
            f.add(line.text(i));
        }
        return f;
    }

    /** HO in the 医科 layout; the 歯科 and 調剤 layouts take its first five fields and read the rest themselves. */
    Insurance parseInsurance() {
        String insurer = line.text(1);
        String trimmed = insurer.stripLeading();
        // Read as written: 国保 cards have no 記号, 6-digit numbers come left-padded with spaces ("  133066"),
        // and receipt software writes the card fields it has, even none; the linker quarantines a receipt
        // that names no member rather than the reader refusing it.
        if (!trimmed.isEmpty() && (insurer.length() != 8 || trimmed.length() < 6 || !RecordLine.allDigits(trimmed))) {
            throw new InvalidValueException("保険者番号 must be 8 characters of digits (6-digit numbers left-padded)");
        }
        if (trimmed.length() == 8 && !InsurerNumber.isValid(insurer)) {
            throw new InvalidValueException("check digit of 保険者番号 is wrong");
        }
        String symbol = line.text(2);
        String number = line.text(3);
        return new Insurance(
                insurer,
                symbol,
                number,
                line.optionalInteger(4, 2),
                line.integer(5, 8),
                line.optionalInteger(7, 2),
                line.optionalInteger(8, 8),
                line.text(9),
                line.optionalInteger(11, 9));
    }

    /** 傷病名称 at {@code i}: recorded for an uncoded disease (0000999), which cannot go without it. */
    String uncodedName(String code, int i) {
        String name = line.text(i);
        if (Diagnosis.UNCODED.equals(code) && name.isEmpty()) {
            throw new InvalidValueException("an uncoded disease (0000999) needs its 傷病名称");
        }
        return name;
    }

    String outcome(int i) {
        String o = line.digits(i, 1);
        if (o.charAt(0) < '1' || o.charAt(0) > '4') {
            throw new InvalidValueException("転帰区分 must be 1–4, got " + o);
        }
        return o;
    }

    List<String> modifiers(int i) {
        String all = line.text(i);
        if (all.isEmpty()) {
            return List.of();
        }
        if (all.length() % 4 != 0 || all.length() > 80) {
            throw new InvalidValueException("修飾語コード must be up to 20 codes of 4 characters, got \"" + all + "\"");
        }
        List<String> codes = new ArrayList<>(all.length() / 4);
        for (int k = 0; k < all.length(); k += 4) {
            String c = all.substring(k, k + 4);
            for (int j = 0; j < 4; j++) {
                char ch = c.charAt(j);
                if (!(ch >= '0' && ch <= '9') && !(ch >= 'A' && ch <= 'Z')) {
                    throw new InvalidValueException("修飾語コード \"" + c + "\" is not 4 ASCII letters or digits");
                }
            }
            codes.add(c);
        }
        return codes;
    }

    String burden(int i) {
        String s = line.text(i);
        if (s.length() != 1 || !(Character.isDigit(s.charAt(0)) || (s.charAt(0) >= 'A' && s.charAt(0) <= 'Z'))) {
            throw new InvalidValueException("負担区分 must be one ASCII letter or digit, got \"" + s + "\"");
        }
        return s;
    }

    String maxDigits(int i, int max) {
        if (line.isEmpty(i)) {
            throw new InvalidValueException("required value is missing");
        }
        return optionalMaxDigits(i, max);
    }

    String optionalMaxDigits(int i, int max) {
        String s = line.text(i);
        if (!s.isEmpty() && (s.length() > max || !RecordLine.allDigits(s))) {
            throw new InvalidValueException("must be up to " + max + " digits, got \"" + s + "\"");
        }
        return s;
    }

    ServiceDays days(RecordType type) {
        return days(type.dayOffset());
    }

    /** The 31 算定日情報 fields from field {@code from}. */
    ServiceDays days(int from) {
        if (line.count <= from) {
            return ServiceDays.NONE;
        }
        short[] counts = new short[31];
        boolean any = false;
        int to = Math.min(line.count, from + 31);
        for (int i = from; i < to; i++) {
            Integer c = line.optionalInteger(i, 3);
            if (c != null) {
                counts[i - from] = (short) (int) c;
                any = true;
            }
        }
        return any ? ServiceDays.wrap(counts) : ServiceDays.NONE;
    }

    /**
     * 記録条件仕様: from the April 2012 treatments on, 回数 equals the sum of the 算定日情報 of days
     * 1–31. A record whose days disagree with its count is refused rather than believed either way.
     */
    Procedure checked(Procedure p) {
        checkDays(p.days(), p.count(), p.recordType().equals("SS") ? 77 : 6);
        return p;
    }

    Drug checked(Drug d) {
        checkDays(d.days(), d.count(), 6);
        return d;
    }

    void checkDays(ServiceDays days, Integer count, int countField) {
        if (count != null) {
            checkDays(days, (int) count, countField);
        }
    }

    Material checked(Material m) {
        checkDays(m.days(), m.count(), 6);
        return m;
    }

    void checkDays(ServiceDays days, int count, int countField) {
        if (!days.isEmpty() && days.total() != count) {
            line.text(countField);
            throw new InvalidValueException("回数 " + count + " differs from the sum " + days.total() + " of the 算定日情報");
        }
    }
}
