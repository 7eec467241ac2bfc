package jp.kenpo.privacy.formats.synthetic;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Synthetic code lists standing in for the 基本マスター (傷病名, 診療行為, 医薬品, 特定器材,
 * コメント, 歯科診療行為) that cannot be shipped. Codes have the right shape and leading digit
 * (診療行為 1…, 歯科診療行為 3…, 医薬品 6…, 特定器材 7…, コメント 8…, 傷病名 7 digits) but are
 * not real master codes. The lists are fixed (their own seed), so the same code means the same
 * thing in every generated population.
 *
 * <p>Disease codes are drawn with Zipf weights: a few codes are very common and a long tail is
 * so rare that a code may appear for one person in a million — the rare diseases that
 * re-identification attacks use. The first {@link #CHRONIC} codes are the chronic conditions a
 * member carries from receipt to receipt.
 */
final class CodeCatalog {

    static final int CHRONIC = 12;
    private static final int DISEASES = 12_000;

    final String[] diseases;
    final double[] diseaseZipf;
    final Item[] visits;
    final Item[] tests;
    final Item[] treatments;
    final Item[] inpatientBasics;
    final Item[] drugs;
    final double[] drugZipf;
    final Item[] materials;
    final Item[] dental;
    final String[] comments;
    final String[] modifiers;

    /** A billable code with its points (for drugs: points per unit of quantity). */
    record Item(String code, int points) {}

    CodeCatalog() {
        SplittableRandom r = new SplittableRandom(0x4B454E504F4CL);
        Set<String> used = new HashSet<>();
        diseases = new String[DISEASES];
        for (int i = 0; i < DISEASES; i++) {
            diseases[i] = unique(r, used, "", 7);
        }
        diseaseZipf = Draw.zipf(DISEASES - CHRONIC, 1.05);
        visits = items(r, used, "11", 4, 70, 300);
        tests = items(r, used, "16", 300, 10, 400);
        treatments = items(r, used, "14", 400, 20, 2000);
        inpatientBasics = items(r, used, "19", 8, 1000, 2500);
        drugs = items(r, used, "6", 3000, 1, 120);
        drugZipf = Draw.zipf(drugs.length, 0.9);
        materials = items(r, used, "7", 200, 5, 3000);
        dental = items(r, used, "30", 250, 20, 900);
        comments = new String[50];
        for (int i = 0; i < comments.length; i++) {
            comments[i] = unique(r, used, "8", 9);
        }
        modifiers = new String[40];
        for (int i = 0; i < modifiers.length; i++) {
            modifiers[i] = unique(r, used, i % 2 == 0 ? "1" : "8", 4);
        }
    }

    private static Item[] items(
            SplittableRandom r, Set<String> used, String prefix, int n, int minPoints, int maxPoints) {
        Item[] items = new Item[n];
        for (int i = 0; i < n; i++) {
            int points = (int) Math.round(Draw.clamp(
                    Draw.logNormal(r, Math.sqrt((double) minPoints * maxPoints), 0.6), minPoints, maxPoints));
            items[i] = new Item(unique(r, used, prefix, 9), points);
        }
        return items;
    }

    private static String unique(SplittableRandom r, Set<String> used, String prefix, int length) {
        while (true) {
            StringBuilder b = new StringBuilder(prefix);
            while (b.length() < length) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            String code = b.toString();
            if (!code.equals("0000999") && used.add(code)) {
                return code;
            }
        }
    }

    /** An acute (non-chronic) disease code, Zipf-weighted. */
    String acuteDisease(RandomGenerator r) {
        return diseases[CHRONIC + Draw.pick(r, diseaseZipf)];
    }

    Item drug(RandomGenerator r) {
        return drugs[Draw.pick(r, drugZipf)];
    }

    static Item any(RandomGenerator r, Item[] list) {
        return list[r.nextInt(list.length)];
    }
}
