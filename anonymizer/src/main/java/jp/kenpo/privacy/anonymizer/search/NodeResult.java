package jp.kenpo.privacy.anonymizer.search;

/**
 * What evaluating one node found: whether the records failing the monotone models fit the
 * suppression limit (the part the search may prune with), whether those failing any model do
 * (the node is a solution), how many records that suppresses, and the loss of the solution.
 */
record NodeResult(boolean monotonePass, boolean pass, long suppressed, int classes, double loss) {}
