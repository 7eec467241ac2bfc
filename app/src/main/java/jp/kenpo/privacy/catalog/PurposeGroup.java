package jp.kenpo.privacy.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The lines of a category under one of the notice's 【…】 headings. A group without a heading is
 * printed as paragraphs (category 9 is one paragraph).
 */
public record PurposeGroup(Optional<Bilingual> heading, List<Purpose> purposes) {

    public PurposeGroup {
        purposes = List.copyOf(purposes);
    }
}
