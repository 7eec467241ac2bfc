package jp.kenpo.privacy.formats.checkup;

import static jp.kenpo.privacy.formats.checkup.CheckupCodes.HL7_NAMESPACE;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an exchange archive: {@code BASE/DATA/h<facility 10><date 8><serial 8>.xml} for each
 * checkup, then {@code BASE/ix08_V08.xml} (index, with the document count) and
 * {@code BASE/su08_V08.xml} (summary) when closed. {@code BASE} is
 * {@code <sender>_<receiver>_<date>_<serial>} as the exchange spec names archives. Not thread-safe.
 */
public final class CheckupArchiveWriter implements Closeable {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private final ZipOutputStream zip;
    private final String base;
    private final String sender;
    private final String receiver;
    private final LocalDate created;
    private final CheckupWriter writer = new CheckupWriter();
    private final XMLOutputFactory xml = XMLOutputFactory.newDefaultFactory();
    private int count;

    /**
     * @param out      destination, closed with the writer
     * @param sender   健診機関番号 of the sender (10 digits)
     * @param receiver 保険者番号 of the receiver (8 digits)
     * @param created  作成年月日
     * @param serial   serial of the archive for that day (1…)
     */
    public CheckupArchiveWriter(OutputStream out, String sender, String receiver, LocalDate created, int serial) {
        this.zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
        this.sender = sender;
        this.receiver = receiver;
        this.created = created;
        this.base = archiveBaseName(sender, receiver, created, serial);
    }

    public static String archiveBaseName(String sender, String receiver, LocalDate created, int serial) {
        return sender + "_" + receiver + "_" + created.format(D8) + "_" + serial;
    }

    public void add(Checkup c) throws IOException {
        addDocument(writer.toBytes(c));
    }

    /** Adds a document already written by {@link CheckupWriter#toBytes}. */
    public void addDocument(byte[] document) throws IOException {
        count++;
        String name = String.format("%s/DATA/h%s%s%08d.xml", base, sender, created.format(D8), count);
        zip.putNextEntry(entry(name));
        zip.write(document);
        zip.closeEntry();
    }

    public int count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        try {
            zip.putNextEntry(entry(base + "/ix08_V08.xml"));
            XMLStreamWriter w = xml.createXMLStreamWriter(new NonClosing(zip), "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "index", HL7_NAMESPACE);
            w.writeDefaultNamespace(HL7_NAMESPACE);
            // 種別コード (OID 1.2.392.200119.6.1101) 6: 健診機関 → 保険者
            empty(w, "interactionType", "code", "6");
            empty(w, "creationTime", "value", created.format(D8));
            party(w, "sender", CheckupCodes.FACILITY_NUMBER, sender);
            party(w, "receiver", CheckupCodes.INSURER_NUMBER, receiver);
            // 実施区分コード (OID 1.2.392.200119.6.1103) 1: 特定健診情報
            empty(w, "serviceEventType", "code", "1");
            empty(w, "totalRecordCount", "value", Integer.toString(count));
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            zip.closeEntry();

            zip.putNextEntry(entry(base + "/su08_V08.xml"));
            w = xml.createXMLStreamWriter(new NonClosing(zip), "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "summary", HL7_NAMESPACE);
            w.writeDefaultNamespace(HL7_NAMESPACE);
            empty(w, "serviceEventType", "code", "1");
            empty(w, "totalSubjectCount", "value", Integer.toString(count));
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            zip.closeEntry();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            zip.close();
        }
    }

    /** Entries carry the creation date, not the clock, so that the same input gives the same archive. */
    private ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(created.atStartOfDay());
        return e;
    }

    private static void party(XMLStreamWriter w, String element, String root, String id) throws XMLStreamException {
        w.writeStartElement(element);
        empty(w, "id", "root", root, "extension", id);
        w.writeEndElement();
    }

    private static void empty(XMLStreamWriter w, String element, String... attributes) throws XMLStreamException {
        w.writeEmptyElement(element);
        for (int i = 0; i < attributes.length; i += 2) {
            w.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    /** Lets the XML writer flush into the current zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
