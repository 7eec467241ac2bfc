package jp.kenpo.privacy.consent;

/** The last event of a member's chain: what the next event links to, and where verification expects it to end. */
record ChainHead(int memberSeq, String hash) {

    static final ChainHead EMPTY = new ChainHead(0, EventHash.GENESIS);
}
