package jp.kenpo.privacy.pages;

import jp.kenpo.privacy.shared.NumberMask;
import org.springframework.stereotype.Component;

/**
 * Typed text a page shows again ({@code ${@masked.of(text)}}), with any individual number in it
 * masked: a number typed into a search field by mistake is not repeated (番号法第20条).
 */
@Component("masked")
class Masked {

    public String of(String text) {
        return text == null ? "" : NumberMask.mask(text);
    }
}
