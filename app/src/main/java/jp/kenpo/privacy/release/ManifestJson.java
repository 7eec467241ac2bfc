package jp.kenpo.privacy.release;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code manifest.json}: the release id, the spec's SHA-256, the method, and every other file of
 * the archive with its SHA-256, its size and (for a table) its rows. Written by hand in one fixed
 * layout — no timestamp, keys in a fixed order, UTF-8, LF — so that the same files give the same
 * manifest bytes.
 */
final class ManifestJson {

    static final String FILE = "manifest.json";

    private ManifestJson() {}

    static byte[] write(ReleaseSeal seal, List<StagedFile> files) {
        var sb = new StringBuilder();
        sb.append("{\n");
        sb.append("  \"releaseId\": ").append(quote(seal.releaseId())).append(",\n");
        sb.append("  \"specSha256\": ").append(quote(seal.specSha256())).append(",\n");
        sb.append("  \"method\": ").append(quote(seal.method().name())).append(",\n");
        sb.append("  \"files\": [");
        for (int i = 0; i < files.size(); i++) {
            StagedFile f = files.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"file\": ").append(quote(f.name()));
            sb.append(", \"sha256\": ").append(quote(f.sha256()));
            sb.append(", \"bytes\": ").append(f.size());
            if (f.rows() != ManifestEntry.NOT_A_TABLE) {
                sb.append(", \"rows\": ").append(f.rows());
            }
            sb.append('}');
        }
        sb.append("\n  ]\n}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        var sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
