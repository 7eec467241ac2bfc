package jp.kenpo.privacy.pages;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG image drawn on the server: one path of dark modules, a quiet zone of four
 * modules (ISO/IEC 18004), no script and no style, so the page's Content-Security-Policy holds. Hidden
 * from screen readers: the page gives the same key as text beside it.
 */
final class QrSvg {

    private static final int QUIET = 4;

    private QrSvg() {}

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET)
                            .append(',')
                            .append(y + QUIET)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\""
                + " viewBox=\"0 0 " + size + " " + size
                + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path
                + "\" fill=\"#000000\"/></svg>";
    }
}
