package jp.kenpo.privacy.catalog;

import java.util.List;
import java.util.Optional;

/** One of the notice's numbered categories of purposes, with an optional introductory paragraph. */
public record Category(int number, Bilingual heading, Optional<Bilingual> intro, List<PurposeGroup> groups) {

    public Category {
        groups = List.copyOf(groups);
    }

    public List<Purpose> purposes() {
        return groups.stream().flatMap(g -> g.purposes().stream()).toList();
    }
}
