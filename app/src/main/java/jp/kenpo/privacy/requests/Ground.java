package jp.kenpo.privacy.requests;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a request is refused in whole or in part: the provision of the APPI that allows it, and the
 * words the answer gives the person (the society must say why, Art. 36).
 */
public enum Ground {
    /** Art. 32(2) proviso: the purposes are evident (Art. 21(4)(i)–(iii) cases) or already published. */
    ART_32_2_PROVISO(
            "第32条第2項ただし書", "利用目的を通知することにより本人又は第三者の権利利益等を害するおそれがある場合等に当たるため。", EnumSet.of(RequestKind.NOTIFY_PURPOSE)),
    /** Art. 33(2)(i): disclosure may harm the life, body, property or other rights of the person or a third party. */
    ART_33_2_I("第33条第2項第1号", "本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがあるため。", disclosures()),
    /** Art. 33(2)(ii): disclosure may seriously hinder the society's proper conduct of its business. */
    ART_33_2_II("第33条第2項第2号", "当組合の業務の適正な実施に著しい支障を及ぼすおそれがあるため。", disclosures()),
    /** Art. 33(2)(iii): disclosure would violate another law. */
    ART_33_2_III("第33条第2項第3号", "他の法令に違反することとなるため。", disclosures()),
    /** Art. 34(2): the data is not contrary to fact, or the correction is not needed for the purpose of use. */
    ART_34_2_NOT_INACCURATE("第34条第2項", "調査の結果、当該保有個人データの内容が事実であることを確認したため。", EnumSet.of(RequestKind.CORRECT)),
    /** Art. 35(2) proviso: stopping costs too much or is difficult; an alternative measure was taken. */
    ART_35_2_PROVISO(
            "第35条第2項ただし書",
            "利用停止等に多額の費用を要する等困難であり、本人の権利利益を保護するため必要なこれに代わるべき措置をとったため。",
            EnumSet.of(RequestKind.SUSPEND_USE, RequestKind.ERASE)),
    /** Art. 35(4) proviso: as (2), for a provision. */
    ART_35_4_PROVISO(
            "第35条第4項ただし書", "第三者への提供の停止に多額の費用を要する等困難であり、これに代わるべき措置をとったため。", EnumSet.of(RequestKind.SUSPEND_PROVISION)),
    /** Art. 35(6) proviso: as (2), for a request under Art. 35(5). */
    ART_35_6_PROVISO(
            "第35条第6項ただし書",
            "利用停止等又は第三者への提供の停止に多額の費用を要する等困難であり、これに代わるべき措置をとったため。",
            EnumSet.of(RequestKind.HARM_SUSPEND_USE, RequestKind.HARM_ERASE, RequestKind.HARM_SUSPEND_PROVISION)),
    /**
     * The use or provision rests on a statute (Art. 18(3)(i), 27(1)(i)): none of the grounds of Art.
     * 35(1), (3) or (5) is met, and the society must go on with it. A LEGAL purpose of the notice.
     */
    STATUTORY_BASIS(
            "第35条第1項・第3項・第5項の要件に該当しない（法令に基づく利用・提供：第18条第3項第1号、第27条第1項第1号）",
            "当該利用目的による取扱いは法令に基づくものであり、当組合はこれを継続する義務を負うため。",
            EnumSet.of(
                    RequestKind.SUSPEND_USE,
                    RequestKind.ERASE,
                    RequestKind.SUSPEND_PROVISION,
                    RequestKind.HARM_SUSPEND_USE,
                    RequestKind.HARM_ERASE,
                    RequestKind.HARM_SUSPEND_PROVISION)),
    /** The society holds no such data (保有個人データが存在しない): nothing to disclose, correct or stop. */
    NOT_HELD(
            "該当する保有個人データなし",
            "請求に係る保有個人データを当組合は保有していないため。",
            EnumSet.complementOf(EnumSet.of(RequestKind.NOTIFY_PURPOSE)));

    private final String article;
    private final String reasonJa;
    private final Set<RequestKind> kinds;

    Ground(String article, String reasonJa, Set<RequestKind> kinds) {
        this.article = article;
        this.reasonJa = reasonJa;
        this.kinds = Set.copyOf(kinds);
    }

    private static Set<RequestKind> disclosures() {
        return EnumSet.of(RequestKind.DISCLOSE, RequestKind.DISCLOSE_PROVISION_RECORDS);
    }

    public String article() {
        return article;
    }

    /** The reason the answer gives (Art. 36). */
    public String reasonJa() {
        return reasonJa;
    }

    /** Whether the ground can answer a request of this kind. */
    public boolean answers(RequestKind kind) {
        return kinds.contains(kind);
    }

    /** The grounds a request of this kind may be refused on. */
    public static java.util.List<Ground> forKind(RequestKind kind) {
        return java.util.Arrays.stream(values()).filter(g -> g.answers(kind)).toList();
    }
}
