package jp.kenpo.privacy.release;

import java.util.List;

/**
 * What the public statement on anonymized information says (APPI Art. 43(3), (4), (6); PPC Rules
 * Art. 36, 37): the society, the published items and methods of provision, the releases created so
 * far, and the safety measures taken for the processing-method information (加工方法等情報).
 */
public record PublicationFacts(
        String societyName,
        List<String> items,
        List<DeliveryMethod> methods,
        List<PublishedRelease> releases,
        String safetyMeasures) {

    public PublicationFacts {
        items = List.copyOf(items);
        methods = List.copyOf(methods);
        releases = List.copyOf(releases);
    }
}
