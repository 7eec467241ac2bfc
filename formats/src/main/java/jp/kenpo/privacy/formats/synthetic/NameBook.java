package jp.kenpo.privacy.formats.synthetic;

import java.util.random.RandomGenerator;

/**
 * Small hand-written lists of common Japanese family and given names, in kanji and katakana,
 * combined at random. They name no one: a combination matching a real person is chance.
 */
final class NameBook {

    private static final String[][] FAMILY = {
        {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"伊藤", "イトウ"},
        {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
        {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
        {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
        {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"},
        {"石川", "イシカワ"}, {"山下", "ヤマシタ"}, {"中島", "ナカジマ"}, {"石井", "イシイ"}, {"小川", "オガワ"},
        {"前田", "マエダ"}, {"岡田", "オカダ"}, {"長谷川", "ハセガワ"}, {"藤田", "フジタ"}, {"後藤", "ゴトウ"},
        {"近藤", "コンドウ"}, {"村上", "ムラカミ"}, {"遠藤", "エンドウ"}, {"青木", "アオキ"}, {"坂本", "サカモト"}
    };
    private static final String[][] MALE = {
        {"太郎", "タロウ"}, {"一郎", "イチロウ"}, {"健", "ケン"}, {"翔", "ショウ"}, {"大輔", "ダイスケ"},
        {"誠", "マコト"}, {"浩", "ヒロシ"}, {"修", "オサム"}, {"隆", "タカシ"}, {"拓也", "タクヤ"},
        {"直樹", "ナオキ"}, {"和也", "カズヤ"}, {"蓮", "レン"}, {"悠斗", "ユウト"}, {"陽翔", "ハルト"},
        {"健一", "ケンイチ"}, {"正人", "マサト"}, {"哲也", "テツヤ"}, {"亮", "リョウ"}, {"大樹", "ダイキ"}
    };
    private static final String[][] FEMALE = {
        {"花子", "ハナコ"}, {"陽子", "ヨウコ"}, {"恵子", "ケイコ"}, {"美咲", "ミサキ"}, {"愛", "アイ"},
        {"直美", "ナオミ"}, {"裕子", "ユウコ"}, {"智子", "トモコ"}, {"由美", "ユミ"}, {"彩", "アヤ"},
        {"結衣", "ユイ"}, {"葵", "アオイ"}, {"陽菜", "ヒナ"}, {"真由美", "マユミ"}, {"明美", "アケミ"},
        {"久美子", "クミコ"}, {"さくら", "サクラ"}, {"舞", "マイ"}, {"千尋", "チヒロ"}, {"凛", "リン"}
    };

    private NameBook() {}

    /** A family name: {kanji, kana}. */
    static String[] family(RandomGenerator r) {
        return FAMILY[r.nextInt(FAMILY.length)];
    }

    /** A given name for the sex (1 male, 2 female): {kanji, kana}. */
    static String[] given(RandomGenerator r, int sex) {
        String[][] list = sex == 1 ? MALE : FEMALE;
        return list[r.nextInt(list.length)];
    }
}
