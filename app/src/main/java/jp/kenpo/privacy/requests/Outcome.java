package jp.kenpo.privacy.requests;

/** What the society decided: all of it, part of it, or nothing (then with a ground, and reasons, Art. 36). */
public enum Outcome {
    FULL("全部応諾"),
    PARTIAL("一部応諾"),
    REFUSED("不応諾");

    private final String ja;

    Outcome(String ja) {
        this.ja = ja;
    }

    public String ja() {
        return ja;
    }
}
