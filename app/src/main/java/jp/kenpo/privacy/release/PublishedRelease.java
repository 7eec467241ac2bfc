package jp.kenpo.privacy.release;

import java.time.LocalDate;
import java.util.List;

/** One release as the publication lists it: when it was created, its items and its method. */
public record PublishedRelease(LocalDate createdOn, List<String> items, DeliveryMethod method) {

    public PublishedRelease {
        items = List.copyOf(items);
    }
}
