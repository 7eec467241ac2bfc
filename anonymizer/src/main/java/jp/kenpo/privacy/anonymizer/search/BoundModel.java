package jp.kenpo.privacy.anonymizer.search;

import jp.kenpo.privacy.anonymizer.model.SensitiveModel;

/**
 * A sensitive-value model tied to the index of its column in the problem, and whether the search
 * may prune with it under the request's suppression limit.
 */
record BoundModel(SensitiveModel model, int sensitive, boolean monotone) {}
