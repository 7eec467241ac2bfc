package jp.kenpo.privacy.formats.checkup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import jp.kenpo.privacy.formats.BoundedInputStream;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.ReadProblems;
import jp.kenpo.privacy.formats.Sha256Input;

/**
 * Reads an exchange archive of 特定健診 data (特定健診・特定保健指導データの電子的交換のための
 * ファイル仕様): a zip holding the index document (交換用基本情報), the summary document
 * (集計情報) and one CDA document per person under a {@code DATA} folder. The archive is read as
 * one stream, front to back, each document parsed as it inflates, never extracted: so the bytes
 * read are exactly the bytes of the file, once (a caller can digest them on the way). The index's
 * {@code totalRecordCount} must equal the number of documents found; it is checked at the end,
 * wherever the index stands.
 *
 * <p>Refused: entry names that climb out of the archive ({@code ..}, absolute paths, backslashes,
 * drive letters); an index document that fails any check a person's document gets
 * ({@link XmlPass}); documents that inflate beyond {@link XmlLimits#maxDocumentBytes()}. Not
 * stepped over in either mode (the rest of the archive cannot be trusted or reached): more entries
 * than {@link XmlLimits#maxArchiveEntries()}, more inflated bytes in all than
 * {@link XmlLimits#maxArchiveBytes()} (counted as they inflate, whatever the zip headers claim),
 * a broken zip structure.
 */
public final class CheckupArchiveReader implements CheckupSource {

    private final ZipInputStream zip;
    /** Every byte inflated from the archive passes here: the bound on the archive as a whole. */
    private final BoundedInputStream inflated;

    private final String archiveName;
    private final ReadMode mode;
    private final ReadProblems problems;
    private final boolean keepText;
    private final XmlLimits limits;
    private final XMLInputFactory factory = XmlPass.secureFactory();
    private final CheckupReader reader;
    private ZipEntry nextEntry;
    private int entries;
    private int documents;
    private String currentName = "";
    private String currentDigest = "";
    private int errorCount;
    private boolean sawIndex;
    private long declaredCount = -1;
    private boolean ended;

    CheckupArchiveReader(
            InputStream in,
            String archiveName,
            ReadMode mode,
            ReadProblems problems,
            boolean keepText,
            XmlLimits limits) {
        this.archiveName = archiveName;
        this.mode = mode;
        this.problems = problems;
        this.keepText = keepText;
        this.limits = limits;
        this.reader = new CheckupReader(limits);
        this.zip = new ZipInputStream(in);
        this.inflated = new BoundedInputStream(
                new FilterInputStream(zip) {
                    @Override
                    public void close() {
                        // entries are read through this view; the archive is closed by close()
                    }
                },
                limits.maxArchiveBytes());
        try {
            nextEntry = advance(); // a file that is no zip at all fails here, at open
            if (nextEntry == null) {
                throw new FormatException(
                        new FormatError(archiveName, 0, "zip", "", "not a readable zip archive: no entries"));
            }
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public Checkup next() {
        while (true) {
            ZipEntry e = nextEntry;
            if (e == null) {
                end();
                return null;
            }
            String name = e.getName();
            Checkup c = null;
            if (name.startsWith("/")
                    || name.contains("\\")
                    || ("/" + name + "/").contains("/../")
                    || name.contains(":")) {
                report(new FormatError(
                        entryName(name), 0, "zip", "", "entry name leaves the archive; the entry is ignored"));
            } else if (!e.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                String[] parts = name.split("/");
                boolean inData = parts.length >= 2 && parts[parts.length - 2].equalsIgnoreCase("DATA");
                if (inData) {
                    c = document(entryName(name));
                } else if (parts[parts.length - 1].startsWith("ix")) {
                    index(entryName(name));
                }
            }
            nextEntry = advance();
            if (c != null) {
                return c;
            }
        }
    }

    private Checkup document(String name) {
        documents++;
        currentName = name;
        Sha256Input entry = new Sha256Input(inflated);
        RecordCapture capture = new RecordCapture(entry, keepText);
        try {
            Checkup c = reader.read(capture, name);
            currentDigest = entry.finish();
            return c;
        } catch (IOException io) {
            throw broken(io);
        } catch (FormatException ex) {
            archiveBound();
            if (mode == ReadMode.STRICT) {
                throw ex;
            }
            try {
                errorCount++;
                problems.unreadable(capture.leftOut(name, ex.error()));
            } catch (IOException io) {
                throw broken(io);
            }
            return null;
        }
    }

    /** The {@code totalRecordCount} of the index document, read with every check a document gets. */
    private void index(String name) {
        if (sawIndex) {
            report(new FormatError(name, 0, "index", "", "a second index document; only the first is read"));
            return;
        }
        sawIndex = true;
        var pass = new IndexPass(name, limits);
        try {
            pass.read(factory, inflated);
        } catch (FormatException ex) {
            archiveBound();
            report(ex.error());
            return;
        }
        if (pass.count == null) {
            report(new FormatError(name, 0, "index", "", "no totalRecordCount"));
        } else if (!pass.count.matches("[0-9]{1,9}")) {
            report(new FormatError(
                    name, pass.countLine, "index/totalRecordCount", "value", "not a count: \"" + pass.count + "\""));
        } else {
            declaredCount = Long.parseLong(pass.count);
        }
    }

    /** The index: any element named totalRecordCount, wherever it stands. */
    private static final class IndexPass extends XmlPass {
        String count;
        long countLine;

        IndexPass(String name, XmlLimits limits) {
            super(name, limits, "the index document");
        }

        @Override
        protected String refusedRoot(XMLStreamReader x) {
            return null;
        }

        @Override
        protected void start(XMLStreamReader x) {
            if (count == null && x.getLocalName().equals("totalRecordCount")) {
                String v = x.getAttributeValue(null, "value");
                count = v == null ? "" : v;
                countLine = line;
            }
        }

        @Override
        protected void end(String localName) {}
    }

    /** Skips what is left of the current entry (it still inflates, and counts) and opens the next. */
    private ZipEntry advance() {
        try {
            inflated.transferTo(java.io.OutputStream.nullOutputStream());
            ZipEntry e = zip.getNextEntry();
            if (e != null && ++entries > limits.maxArchiveEntries()) {
                throw new FormatException(new FormatError(
                        archiveName, 0, "zip", "", "more than " + limits.maxArchiveEntries() + " entries"));
            }
            return e;
        } catch (IOException io) {
            throw broken(io);
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (!sawIndex) {
            report(new FormatError(archiveName, 0, "index", "", "no index document (交換用基本情報, ix*.xml) in the archive"));
        } else if (declaredCount >= 0 && declaredCount != documents) {
            report(new FormatError(
                    archiveName,
                    0,
                    "index/totalRecordCount",
                    "value",
                    "says " + declaredCount + " documents but the archive holds " + documents));
        }
    }

    private void archiveBound() {
        if (inflated.exceeded()) {
            throw new FormatException(new FormatError(
                    archiveName,
                    0,
                    "zip",
                    "",
                    "the entries inflate to more than " + limits.maxArchiveBytes() + " bytes in all"));
        }
    }

    private FormatException broken(IOException io) {
        archiveBound();
        return new FormatException(
                new FormatError(
                        archiveName,
                        0,
                        "zip",
                        "",
                        "not a readable zip archive" + (entries > 0 ? " after entry " + entries : "") + ": "
                                + io.getMessage()),
                io);
    }

    private String entryName(String entry) {
        return archiveName + "!/" + entry;
    }

    /** A problem of the archive itself (not of one person's document). */
    private void report(FormatError e) {
        if (mode == ReadMode.STRICT) {
            throw new FormatException(e);
        }
        errorCount++;
        problems.ofFile(e);
    }

    @Override
    public String currentName() {
        return currentName;
    }

    @Override
    public String currentDigest() {
        return currentDigest;
    }

    @Override
    public int errorCount() {
        return errorCount;
    }

    /** Number of person documents met so far (all of them once {@link #next()} has returned null). */
    public int documentCount() {
        return documents;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing with the reason that matters
        }
    }
}
