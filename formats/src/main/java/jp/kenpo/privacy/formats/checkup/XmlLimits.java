package jp.kenpo.privacy.formats.checkup;

/**
 * Bounds on what one checkup document or archive may cost to read. A real 特定健診情報ファイル is a
 * few tens of kilobytes with about a hundred observations; the bounds are far above that and far
 * below what would hurt the process.
 *
 * @param maxDocumentBytes   bytes of one XML document (after decompression)
 * @param maxDepth           element nesting
 * @param maxObservations    observations in one document
 * @param maxTextChars       characters of one text node or attribute value
 * @param maxArchiveEntries  entries in one zip archive
 * @param maxArchiveBytes    bytes all entries of one zip archive inflate to together: many entries
 *                           each under the document bound would otherwise make a bomb of their own
 */
public record XmlLimits(
        long maxDocumentBytes,
        int maxDepth,
        int maxObservations,
        int maxTextChars,
        int maxArchiveEntries,
        long maxArchiveBytes) {

    /** 4 GiB inflated: some 100,000 documents of 40 KB, more than a checkup centre sends at once. */
    public static final XmlLimits DEFAULT = new XmlLimits(8L << 20, 48, 2_000, 64 * 1024, 200_000, 4L << 30);
}
