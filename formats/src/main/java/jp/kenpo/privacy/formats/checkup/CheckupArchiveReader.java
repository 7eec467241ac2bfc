package jp.kenpo.privacy.formats.checkup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;

/**
 * Reads an exchange archive of 特定健診 data (特定健診・特定保健指導データの電子的交換のための
 * ファイル仕様): a zip holding the index document (交換用基本情報), the summary document
 * (集計情報) and one CDA document per person under a {@code DATA} folder. Documents are parsed one
 * at a time straight from the zip, never extracted. The index's {@code totalRecordCount} must
 * equal the number of documents found.
 *
 * <p>Refused: entry names that climb out of the archive ({@code ..}, absolute paths, backslashes),
 * more entries than {@link XmlLimits#maxArchiveEntries()}, documents that inflate beyond
 * {@link XmlLimits#maxDocumentBytes()} (counted as they inflate, whatever the zip header claims).
 */
public final class CheckupArchiveReader implements CheckupSource {

    private final ZipFile zip;
    private final String archiveName;
    private final ReadMode mode;
    private final Consumer<FormatError> errors;
    private final XmlLimits limits;
    private final CheckupReader reader;
    private final List<ZipEntry> documents = new ArrayList<>();
    private int nextIndex;
    private String currentName = "";
    private int errorCount;
    private long declaredCount = -1;
    private boolean endChecked;

    public CheckupArchiveReader(Path file, ReadMode mode, Consumer<FormatError> errors, XmlLimits limits)
            throws IOException {
        this.archiveName = file.toString();
        this.mode = mode;
        this.errors = errors;
        this.limits = limits;
        this.reader = new CheckupReader(limits);
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new FormatException(new FormatError(archiveName, 0, "zip", "", "not a readable zip archive: " + e.getMessage()), e);
        }
        try {
            scan();
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private void scan() {
        if (zip.size() > limits.maxArchiveEntries()) {
            throw new FormatException(new FormatError(archiveName, 0, "zip", "",
                    "more than " + limits.maxArchiveEntries() + " entries"));
        }
        ZipEntry index = null;
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (name.startsWith("/") || name.contains("\\") || ("/" + name + "/").contains("/../") || name.contains(":")) {
                report(new FormatError(entryName(name), 0, "zip", "", "entry name leaves the archive; the entry is ignored"));
                continue;
            }
            if (e.isDirectory() || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                continue;
            }
            String[] parts = name.split("/");
            String file = parts[parts.length - 1];
            boolean inData = parts.length >= 2 && parts[parts.length - 2].equalsIgnoreCase("DATA");
            if (inData) {
                documents.add(e);
            } else if (file.startsWith("ix")) {
                index = e;
            }
        }
        if (index == null) {
            report(new FormatError(archiveName, 0, "index", "", "no index document (交換用基本情報, ix*.xml) in the archive"));
        } else {
            declaredCount = readIndexCount(index);
        }
    }

    /** The {@code totalRecordCount} of the index document. */
    private long readIndexCount(ZipEntry index) {
        String name = entryName(index.getName());
        XMLInputFactory f = CheckupReader.secureFactory();
        try (InputStream in = new BoundedInputStream(new BufferedInputStream(zip.getInputStream(index)), limits.maxDocumentBytes())) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            try {
                while (x.hasNext()) {
                    int ev = x.next();
                    if (ev == XMLStreamConstants.DTD) {
                        report(new FormatError(name, x.getLocation().getLineNumber(), "index", "", "DOCTYPE is not allowed"));
                        return -1;
                    }
                    if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("totalRecordCount")) {
                        String v = x.getAttributeValue(null, "value");
                        if (v == null || !v.matches("[0-9]{1,9}")) {
                            report(new FormatError(name, x.getLocation().getLineNumber(), "index/totalRecordCount", "value",
                                    "not a count: \"" + v + "\""));
                            return -1;
                        }
                        return Long.parseLong(v);
                    }
                }
            } finally {
                x.close();
            }
            report(new FormatError(name, 0, "index", "", "no totalRecordCount"));
        } catch (XMLStreamException | IOException e) {
            report(new FormatError(name, 0, "index", "", "unreadable index document: " + e.getMessage()));
        }
        return -1;
    }

    @Override
    public Checkup next() {
        while (nextIndex < documents.size()) {
            ZipEntry e = documents.get(nextIndex++);
            currentName = entryName(e.getName());
            try (InputStream in = new BufferedInputStream(zip.getInputStream(e))) {
                return reader.read(in, currentName);
            } catch (FormatException ex) {
                report(ex.error());
            } catch (IOException ex) {
                report(new FormatError(currentName, 0, "zip", "", "cannot inflate entry: " + ex.getMessage()));
            }
        }
        if (!endChecked) {
            endChecked = true;
            if (declaredCount >= 0 && declaredCount != documents.size()) {
                report(new FormatError(archiveName, 0, "index/totalRecordCount", "value", "says " + declaredCount
                        + " documents but the archive holds " + documents.size()));
            }
        }
        return null;
    }

    private String entryName(String entry) {
        return archiveName + "!/" + entry;
    }

    private void report(FormatError e) {
        if (mode == ReadMode.STRICT) {
            throw new FormatException(e);
        }
        errorCount++;
        errors.accept(e);
    }

    @Override
    public String currentName() {
        return currentName;
    }

    @Override
    public int errorCount() {
        return errorCount;
    }

    /** Number of person documents in the archive. */
    public int documentCount() {
        return documents.size();
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
