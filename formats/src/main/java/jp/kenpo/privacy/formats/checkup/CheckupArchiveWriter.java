package jp.kenpo.privacy.formats.checkup;

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
import jp.kenpo.privacy.formats.NonClosingOutputStream;

/**
 * Writes an exchange archive as the 送付用ファイルアーカイブ仕様説明書 names and fills it: the zip
 * {@code BASE.zip} holds the root folder {@code BASE}, in it {@code DATA/} with one 特定健診情報ファイル
 * per checkup, then, when closed, the index {@code ix08_V08.xml} (交換用基本情報) and, only for an
 * archive that settles ({@link #summarize}), the summary {@code su08_V08.xml} (集計情報). {@code BASE} is
 * {@code <提出元 健診機関番号>_<提出先 保険者番号>_<提出年月日><同日分割送信回数 N>_<実施区分コード 1>}; a
 * document is {@code h<健診機関番号><作成年月日><N><種別 = 実施区分コード><serial of 6 digits>.xml}. The
 * index and summary are in {@link CheckupCodes#EXCHANGE_NAMESPACE} and pass the MHLW V08 schemas
 * (tested). Not written: the {@code XSD/} folder of the schemas and the {@code CLAIMS/} settlement
 * documents. Not thread-safe.
 */
public final class CheckupArchiveWriter implements Closeable {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
    /** The serial of a document's name has six digits. */
    static final int MAX_DOCUMENTS = 999_999;

    private final ZipOutputStream zip;
    private final String base;
    private final String sender;
    private final String receiver;
    private final LocalDate created;
    private final int split;
    private final CheckupWriter writer = new CheckupWriter();
    private final XMLOutputFactory xml = XMLOutputFactory.newDefaultFactory();
    private SettlementTotals totals;
    private int count;

    /**
     * @param out      destination, closed with the writer
     * @param sender   健診機関番号 of the sender (10 digits)
     * @param receiver 保険者番号 of the receiver (8 digits)
     * @param created  提出年月日, also the 作成年月日 of the index and of the documents' names
     * @param split    同日分割送信回数: 0 for the first archive from this sender to this receiver on that day, up to 9
     */
    public CheckupArchiveWriter(OutputStream out, String sender, String receiver, LocalDate created, int split) {
        this.base = archiveBaseName(sender, receiver, created, split);
        this.zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
        this.sender = sender;
        this.receiver = receiver;
        this.created = created;
        this.split = split;
    }

    /** The archive's name without {@code .zip}, also the name of its root folder. */
    public static String archiveBaseName(String sender, String receiver, LocalDate created, int split) {
        if (sender == null || !sender.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("the sender's 健診機関番号 must have 10 digits");
        }
        if (receiver == null || !receiver.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("the receiver's 保険者番号 must have 8 digits");
        }
        if (split < 0 || split > 9) {
            throw new IllegalArgumentException("同日分割送信回数 must be 0 to 9, not " + split);
        }
        return sender + "_" + receiver + "_" + created.format(D8) + split + "_" + CheckupCodes.SERVICE_EVENT_CHECKUP;
    }

    public void add(Checkup c) throws IOException {
        addDocument(writer.toBytes(c));
    }

    /** Adds a document already written by {@link CheckupWriter#toBytes}. */
    public void addDocument(byte[] document) throws IOException {
        if (count == MAX_DOCUMENTS) {
            throw new IllegalStateException("an archive holds at most " + MAX_DOCUMENTS + " documents");
        }
        count++;
        String name = String.format(
                "%s/DATA/h%s%s%d%s%06d.xml",
                base, sender, created.format(D8), split, CheckupCodes.SERVICE_EVENT_CHECKUP, count);
        zip.putNextEntry(entry(name));
        zip.write(document);
        zip.closeEntry();
    }

    public int count() {
        return count;
    }

    /** Makes the archive one that settles: a summary with these totals is written when it is closed. */
    public void summarize(SettlementTotals totals) {
        this.totals = java.util.Objects.requireNonNull(totals, "totals");
    }

    @Override
    public void close() throws IOException {
        try {
            zip.putNextEntry(entry(base + "/ix08_V08.xml"));
            XMLStreamWriter w = exchangeDocument("index");
            empty(w, "interactionType", "code", CheckupCodes.INTERACTION_FACILITY_TO_INSURER);
            empty(w, "creationTime", "value", created.format(D8));
            party(w, "sender", CheckupCodes.FACILITY_NUMBER, sender);
            party(w, "receiver", CheckupCodes.INSURER_NUMBER, receiver);
            empty(w, "serviceEventType", "code", CheckupCodes.SERVICE_EVENT_CHECKUP);
            empty(w, "totalRecordCount", "value", Integer.toString(count));
            end(w);

            if (totals != null) {
                zip.putNextEntry(entry(base + "/su08_V08.xml"));
                w = exchangeDocument("summary");
                empty(w, "serviceEventType", "code", CheckupCodes.SERVICE_EVENT_CHECKUP);
                empty(w, "totalSubjectCount", "value", Integer.toString(count));
                amount(w, "totalCostAmount", totals.cost());
                amount(w, "totalPaymentAmount", totals.payment());
                if (totals.paidByOtherProgram() != null) {
                    amount(w, "totalPaymentByOtherProgram", totals.paidByOtherProgram());
                }
                amount(w, "totalClaimAmount", totals.claim());
                end(w);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            zip.close();
        }
    }

    private XMLStreamWriter exchangeDocument(String root) throws XMLStreamException {
        XMLStreamWriter w = xml.createXMLStreamWriter(new NonClosingOutputStream(zip), "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(CheckupCodes.EXCHANGE_NAMESPACE);
        w.writeStartElement(CheckupCodes.EXCHANGE_NAMESPACE, root);
        w.writeDefaultNamespace(CheckupCodes.EXCHANGE_NAMESPACE);
        return w;
    }

    private void end(XMLStreamWriter w) throws XMLStreamException, IOException {
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        zip.closeEntry();
    }

    /** Entries carry the creation date, not the clock, so that the same input gives the same archive. */
    private ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(created.atStartOfDay());
        return e;
    }

    private static void amount(XMLStreamWriter w, String element, long yen) throws XMLStreamException {
        empty(w, element, "value", Long.toString(yen), "currency", "JPY");
    }

    private static void party(XMLStreamWriter w, String element, String root, String id) throws XMLStreamException {
        w.writeStartElement(CheckupCodes.EXCHANGE_NAMESPACE, element);
        empty(w, "id", "root", root, "extension", id);
        w.writeEndElement();
    }

    private static void empty(XMLStreamWriter w, String element, String... attributes) throws XMLStreamException {
        w.writeEmptyElement(CheckupCodes.EXCHANGE_NAMESPACE, element);
        for (int i = 0; i < attributes.length; i += 2) {
            w.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }
}
