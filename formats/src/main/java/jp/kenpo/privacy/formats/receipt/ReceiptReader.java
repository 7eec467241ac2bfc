package jp.kenpo.privacy.formats.receipt;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.InvalidValueException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.ReadProblems;
import jp.kenpo.privacy.formats.UnreadableRecord;

/**
 * Streams the receipts of one receipt electronic file (レセ電, 記録条件仕様): comma-separated
 * records, one per line, Windows-31J, CR LF, optionally ending in 0x1A. Reads the file once, front
 * to back, holding one line and one receipt at a time, so memory does not grow with the file.
 *
 * <pre>{@code
 * try (ReceiptReader reader = ReceiptReader.open(path, ReadMode.LENIENT, errors::add)) {
 *     for (Receipt r; (r = reader.next()) != null; ) {
 *         MemberKey who = r.memberKey();
 *         long line = reader.receiptLine();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Two line layouts are read, told apart by the first record: the claim layout that
 * facilities send (the record identifier first) and the insurer-side layout of the data the
 * review-and-payment organisation hands to insurers (RECODEINFO files), in which three numeric
 * columns precede the identifier, every receipt carries its own facility header and there is no
 * GO record.
 *
 * <p>In {@link ReadMode#STRICT} the first problem throws {@link FormatException}. In
 * {@link ReadMode#LENIENT} the receipt a problem belongs to is left out and reported once, with its
 * first problem (later ones in the same receipt are not reported again), and reading goes on at the
 * next RE (or IR/YK when a facility header was bad; each receipt under it is left out and reported).
 * A value is never guessed: a receipt is either returned as recorded or reported and left out.
 * Given {@link ReadProblems}, the reader tells a receipt left out, with its raw lines, apart from a
 * problem of the file itself (a GO total, a facility header, a line outside any receipt).
 * Not thread-safe.
 *
 * <p>This class keeps the file's structure: which line opens a facility, a receipt or ends them,
 * to which receipt a record belongs, what GO counts. {@link LineFramer} cuts the lines,
 * {@link RecordParsers} reads each record in the layout of its receipt's kind and edition, and
 * {@link ReceiptBuilder} holds the receipt being assembled.
 */
public final class ReceiptReader implements Closeable {

    /** Longest line accepted; the longest layout (SS with 109 fields, SJ with 2400 bytes) stays far below. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    private final LineFramer lines;
    private final String fileName;
    private final ReadMode mode;
    private final ReadProblems problems;
    /** The raw lines of the receipt being read; null when the caller does not keep the text of receipts left out. */
    private final RawLines raw;

    private final RecordLine line = new RecordLine();
    private final RecordParsers records = new RecordParsers(line);

    /** The framer's buffer, and where the current line stands in it. */
    private final byte[] buf;

    private boolean finished;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;

    private Facility facility;
    private long facilityLine;
    private boolean facilityFailed;
    private int facilityReceipts;
    /** HO and KO records under the facility header: what GO's 総件数 counts. */
    private int facilityClaims;

    private int facilityHoRecords;
    private boolean sawFacility;
    /** Whether the facility's data was opened by a UK (a 歯科 file): an IR after it is the 歯科 IR. */
    private boolean dentalFacility;

    private ReceiptBuilder open;
    private PendingManagement pending;
    private long receiptLine;
    private int errorCount;

    private final ArrayDeque<Ready> ready = new ArrayDeque<>(2);
    /** Decided by the first record line: whether every line starts with the three insurer-side columns. */
    private Layout layout;

    /** An MN waiting for the RE it belongs to; {@code rawMark} is where its line starts among the raw lines. */
    private record PendingManagement(long line, List<String> fields, int rawMark) {}

    private record Ready(Receipt receipt, long line) {}

    /** Every problem (lenient mode) to {@code errors}, as inspect prints them. */
    public ReceiptReader(InputStream in, String fileName, ReadMode mode, Consumer<FormatError> errors) {
        this(in, fileName, mode, ReadProblems.each(errors), false);
    }

    /** Receipts left out (lenient mode) to {@code problems} with their raw lines, problems of the file apart. */
    public ReceiptReader(InputStream in, String fileName, ReadMode mode, ReadProblems problems) {
        this(in, fileName, mode, problems, true);
    }

    private ReceiptReader(InputStream in, String fileName, ReadMode mode, ReadProblems problems, boolean keepText) {
        this.in = in;
        this.fileName = fileName;
        this.mode = mode;
        this.problems = problems;
        this.raw = keepText ? new RawLines() : null;
        this.lines = new LineFramer(in, this::longLine);
        this.buf = lines.buffer();
    }

    public static ReceiptReader open(Path file, ReadMode mode, Consumer<FormatError> errors) throws IOException {
        return new ReceiptReader(Files.newInputStream(file), file.toString(), mode, errors);
    }

    /** The next receipt, or {@code null} at the end of the file. */
    public Receipt next() {
        try {
            while (ready.isEmpty()) {
                boolean more = lines.next();
                lineNumber = lines.lineNumber();
                if (!more) {
                    finish();
                    break;
                }
                lineStart = lines.lineStart();
                lineEnd = lines.lineEnd();
                handleLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
        }
        Ready r = ready.poll();
        if (r == null) {
            return null;
        }
        receiptLine = r.line;
        return r.receipt;
    }

    /** The line layout of the file, known once its first record has been read ({@code null} before). */
    public Layout layout() {
        return layout;
    }

    /** Line number of the RE of the receipt last returned by {@link #next()}. */
    public long receiptLine() {
        return receiptLine;
    }

    /** Problems reported so far (in lenient mode; strict mode throws on the first). */
    public int errorCount() {
        return errorCount;
    }

    public long linesRead() {
        return lines.lineNumber();
    }

    public long bytesRead() {
        return lines.bytesRead();
    }

    /** The remaining receipts as a sequential stream; closing the stream closes the reader. */
    public Stream<Receipt> stream() {
        Iterator<Receipt> it = new Iterator<>() {
            private Receipt next = ReceiptReader.this.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Receipt next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Receipt r = next;
                next = ReceiptReader.this.next();
                return r;
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- lines ---------------------------------------------------------------------------

    private void longLine(long at) {
        failOpen(problem(at, "", "", "line longer than " + MAX_LINE_BYTES + " bytes"));
        if (raw != null && open != null) {
            raw.note("(line " + at + ": longer than " + MAX_LINE_BYTES + " bytes, not kept)");
        }
    }

    // ---- structure -----------------------------------------------------------------------

    private void handleLine() {
        if (!line.split(buf, lineStart, lineEnd, lineNumber)) {
            failOpen(problem(lineNumber, "", "", "more than " + RecordLine.MAX_FIELDS + " fields"));
            keepIfOpen();
            return;
        }
        boolean prefixed = insurerPrefixed(line);
        if (layout == null && line.ends[0] != line.starts[0]) {
            layout = prefixed ? Layout.INSURER : Layout.CLAIM;
        }
        if (layout == Layout.INSURER) {
            if (!prefixed) {
                failOpen(problem(
                        lineNumber,
                        printableStart(),
                        "",
                        "not in the insurer-side layout of the rest of the file"
                                + " (three numeric columns before the record type)"));
                keepIfOpen();
                return;
            }
            line.dropPrefix(3);
        }
        String code = recordType(line);
        RecordType type = code == null ? null : RecordType.of(code);
        if (type == null) {
            String shown = printableStart();
            failOpen(problem(
                    lineNumber, shown, "", shown.isEmpty() ? "empty line" : "unknown record type \"" + shown + "\""));
            keepIfOpen();
            return;
        }
        if (open != null && (type == RecordType.HO || type == RecordType.KO)) {
            // counted even in a receipt left out: GO counts what the sender wrote
            facilityClaims++;
            facilityHoRecords += type == RecordType.HO ? 1 : 0;
        }
        String problem = null;
        String field = "";
        FieldCounts.Range widest = FieldCounts.widest(type);
        if (!widest.allows(line.count)) {
            problem = wrongCount(widest, "");
        } else if (line.controlAt >= 0) {
            problem = String.format(
                    "control character 0x%02X at column %d", buf[lineStart + line.controlAt], line.controlAt + 1);
        } else {
            try {
                line.checkDecodable();
            } catch (InvalidValueException e) {
                problem = e.getMessage();
                field = type.fieldName(line.lastField());
            }
        }
        if (problem != null) {
            markBad(type, problem(lineNumber, code, field, problem));
            return;
        }
        switch (type.role()) {
            case FACILITY -> onFacility(type);
            case END -> onEnd();
            case RECEIPT -> onReceipt();
            case MANAGEMENT -> onManagement();
            case CHILD -> onChild(type);
        }
    }

    private String wrongCount(FieldCounts.Range expected, String layout) {
        return "wrong field count " + line.count + " (expected " + expected + layout + ", record type counted)";
    }

    /** A record too broken to read still marks where it stands: a bad RE opens a (skipped) receipt. */
    private void markBad(RecordType type, FormatError problem) {
        switch (type.role()) {
            case RECEIPT -> {
                openReceipt();
                open = ReceiptBuilder.failed(lineNumber, problem);
            }
            case FACILITY -> {
                closeOpen(false);
                dropRaw();
                fileProblem(problem);
                if (!dentalIr(type)) {
                    startFacility(type);
                }
                facility = null;
                facilityFailed = true;
                keepLine();
            }
            case END -> {
                closeOpen();
                dropRaw();
                fileProblem(problem);
                facility = null;
                facilityFailed = false;
                sawFacility = false;
                dentalFacility = false;
            }
            default -> {
                failOpen(problem);
                keepIfOpen();
            }
        }
    }

    /** Whether the line starts with the insurer-side layout's three numeric columns. */
    private static boolean insurerPrefixed(RecordLine l) {
        return l.count >= 4 && l.isDigits(0) && l.isDigits(1) && l.isDigits(2) && l.ends[3] - l.starts[3] == 2;
    }

    /** The first field when it has the shape of a record identifier (two capital letters), else null. */
    private static String recordType(RecordLine l) {
        if (l.ends[0] - l.starts[0] != 2) {
            return null;
        }
        byte a = l.buf[l.starts[0]];
        byte b = l.buf[l.starts[0] + 1];
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' ? new String(new char[] {(char) a, (char) b}) : null;
    }

    /**
     * The layout of a file whose first line is a known receipt record, or null when it is not one:
     * tells receipt files from other files by their content (an insurer's RECODEINFO files are
     * named .CSV, like any spreadsheet), by the same test the reader applies to its first line.
     */
    public static Layout layoutOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_LINE_BYTES + 2);
        }
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end > 0 && head[end - 1] == '\r') {
            end--;
        }
        RecordLine first = new RecordLine();
        if (!first.split(head, 0, end, 1)) {
            return null;
        }
        boolean prefixed = insurerPrefixed(first);
        if (prefixed) {
            first.dropPrefix(3);
        }
        String code = recordType(first);
        return code == null || RecordType.of(code) == null ? null : prefixed ? Layout.INSURER : Layout.CLAIM;
    }

    private String printableStart() {
        int s = line.starts[0];
        int e = Math.min(line.ends[0], s + 8);
        StringBuilder b = new StringBuilder();
        for (int i = s; i < e; i++) {
            int c = buf[i] & 0xFF;
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return b.toString();
    }

    private void onFacility(RecordType type) {
        closeOpen(false); // an MN before this header belongs to the RE after it
        boolean dentalIr = dentalIr(type);
        if (!dentalIr) {
            dropRaw(); // a 歯科 IR right after its UK: the receipt after them keeps both lines
        }
        if (dentalIr && facilityFailed) {
            keepLine(); // its UK could not be read: the receipts under it are left out already
            return;
        }
        try {
            facility = dentalIr ? records.withDentalIr(facility, facilityLine) : records.parseFacility(type);
            FieldCounts.Range range = FieldCounts.of(type, FieldCounts.Kind.of(facility.kind(), false), false);
            if (range == null || !range.allows(line.count)) {
                facility = null;
                fileProblem(problem(
                        lineNumber,
                        type.name(),
                        "",
                        range == null
                                ? "a " + kindName(type) + " file has no " + type.name() + " record"
                                : wrongCount(range, " for a " + kindName(type) + " facility header")));
                facilityFailed = true;
            } else {
                facilityFailed = false;
            }
        } catch (InvalidValueException e) {
            int at = line.lastField();
            String field = dentalIr
                    ? (at >= 1 && at <= DentalRecords.IR_FIELDS.size()
                            ? DentalRecords.IR_FIELDS.get(at - 1)
                            : "項目" + at)
                    : type.fieldName(at);
            fileProblem(problem(lineNumber, type.name(), field, e.getMessage()));
            facility = null;
            facilityFailed = true;
        }
        if (!dentalIr) {
            startFacility(type);
        }
        keepLine();
    }

    private String kindName(RecordType type) {
        return switch (line.isEmpty(3) ? "" : line.text(3)) {
            case "1" -> "医科";
            case "3" -> "歯科";
            case "4" -> "調剤";
            default -> type.name();
        };
    }

    /** A facility's data begins with {@code header}: GO counts what follows from here. */
    private void startFacility(RecordType header) {
        sawFacility = true;
        facilityLine = lineNumber;
        facilityReceipts = 0;
        facilityClaims = 0;
        facilityHoRecords = 0;
        dentalFacility = header == RecordType.UK;
    }

    /**
     * Whether an IR is the 歯科 file's IR: after the UK that opened the 歯科 facility, an IR (which may
     * come again before each receipt) adds the telephone number and does not open another facility.
     */
    private boolean dentalIr(RecordType type) {
        return type == RecordType.IR && sawFacility && dentalFacility;
    }

    private void onEnd() {
        closeOpen();
        dropRaw();
        if (!sawFacility) {
            fileProblem(problem(lineNumber, "GO", "", "GO before any IR/YK facility header"));
            return;
        }
        try {
            int total = line.integer(1, 6);
            line.integer(2, 10);
            line.digits(3, 2);
            // 作成手引き: 総件数 counts the claims on the 医療保険 (HO) and on each 公費 (KO), not the receipts
            if (!facilityFailed && total != facilityClaims) {
                line.integer(1, 6);
                throw new InvalidValueException("says " + total + " but the facility header on line " + facilityLine
                        + " is followed by " + facilityHoRecords + " HO and " + (facilityClaims - facilityHoRecords)
                        + " KO records (" + facilityReceipts + " receipts)");
            }
        } catch (InvalidValueException e) {
            fileProblem(problem(lineNumber, "GO", RecordType.GO.fieldName(line.lastField()), e.getMessage()));
        }
        facility = null;
        facilityFailed = false;
        sawFacility = false;
        dentalFacility = false;
    }

    private void onReceipt() {
        PendingManagement mn = openReceipt();
        if (facility == null) {
            open = ReceiptBuilder.failed(
                    lineNumber,
                    problem(
                            lineNumber,
                            "RE",
                            "",
                            facilityFailed
                                    ? "left out with its facility header on line " + facilityLine
                                            + ", which could not be read"
                                    : "RE before any IR/YK facility header"));
            return;
        }
        String countProblem = receiptCountProblem();
        if (countProblem != null) {
            open = ReceiptBuilder.failed(lineNumber, problem(lineNumber, "RE", "", countProblem));
            return;
        }
        try {
            open = records.parseReceiptHeader(lineNumber, facility);
            if (mn != null) {
                open.others.add(new OtherRecord(open.seq++, "MN", mn.fields));
            }
        } catch (InvalidValueException e) {
            open = ReceiptBuilder.failed(
                    lineNumber, problem(lineNumber, "RE", RecordType.RE.fieldName(line.lastField()), e.getMessage()));
        }
    }

    /**
     * Why the RE's field count does not fit its kind and edition, or null when it fits. A 医科 RE
     * is in the 出来高 layout or in the DPC layout, told by its count.
     */
    private String receiptCountProblem() {
        boolean era = records.eraDates();
        FieldCounts.Kind kind = FieldCounts.Kind.of(facility.kind(), false);
        FieldCounts.Range range = FieldCounts.receipt(kind, era);
        if (range.allows(line.count)) {
            return null;
        }
        if (kind == FieldCounts.Kind.MEDICAL) {
            FieldCounts.Range dpc = FieldCounts.receipt(FieldCounts.Kind.DPC, era);
            if (dpc.allows(line.count)) {
                return null;
            }
            return wrongCount(range, " in the 医科 layout or " + dpc + " in the DPC layout of the " + edition(era));
        }
        return wrongCount(range, " for a " + kind.japanese + " receipt of the " + edition(era));
    }

    private static String edition(boolean era) {
        return era ? "和暦 edition (GYYMMDD dates)" : "令和 edition (Western dates)";
    }

    /**
     * An RE line: closes the receipt before it and keeps the line as the first raw line of the new
     * one (after its MN and facility header, when they came right before it). Returns the MN
     * waiting for this RE, if any.
     */
    private PendingManagement openReceipt() {
        closeOpen(false);
        PendingManagement mn = pending;
        pending = null;
        facilityReceipts++;
        keepLine();
        return mn;
    }

    /** MN belongs to the RE right after it; when anything else follows, to the receipt already open. */
    private void onManagement() {
        if (pending != null) {
            attachPendingToOpen();
        }
        pending = new PendingManagement(lineNumber, records.fieldsAfterType(), raw == null ? 0 : raw.size());
        keepLine();
    }

    private void attachPendingToOpen() {
        PendingManagement mn = pending;
        pending = null;
        if (open == null) {
            fileProblem(problem(mn.line, "MN", "", "child record before any RE"));
        } else if (!open.failed) {
            open.others.add(new OtherRecord(open.seq++, "MN", mn.fields));
        }
    }

    private void onChild(RecordType type) {
        if (pending != null) {
            attachPendingToOpen();
        }
        if (open == null) {
            fileProblem(problem(lineNumber, type.name(), "", "child record before any RE"));
            return;
        }
        keepLine();
        if (open.failed) {
            return;
        }
        FieldCounts.Range range = FieldCounts.of(type, open.layoutKind, open.eraDates);
        if (range == null) {
            failOpen(problem(
                    lineNumber,
                    type.name(),
                    "",
                    "record type " + type.name() + " does not belong to a " + open.layoutKind.japanese + " receipt"));
            return;
        }
        if (!range.allows(line.count)) {
            failOpen(problem(
                    lineNumber,
                    type.name(),
                    "",
                    wrongCount(
                            range,
                            " for a " + open.layoutKind.japanese + " receipt of the " + edition(open.eraDates))));
            return;
        }
        try {
            records.parseChild(type, open);
        } catch (InvalidValueException e) {
            failOpen(problem(
                    lineNumber,
                    type.name(),
                    records.childFieldName(open.facility.kind(), type, line.lastField()),
                    e.getMessage()));
        }
    }

    private void closeOpen() {
        closeOpen(true);
    }

    private void closeOpen(boolean attachPending) {
        if (attachPending && pending != null) {
            attachPendingToOpen();
        }
        ReceiptBuilder b = open;
        open = null;
        if (b == null) {
            return;
        }
        if (!b.failed && b.layoutKind == FieldCounts.Kind.DPC && b.diagnosisGroup == null) {
            // the writer tells the DPC layout by the BU: a DPC receipt without one could not be written back as read
            b.failed = true;
            b.problem = problem(b.line, "RE", "", "a receipt in the DPC layout without its BU (診断群分類) record");
        }
        if (!b.failed) {
            ready.add(new Ready(b.build(), b.line));
        } else {
            errorCount++;
            problems.unreadable(new UnreadableRecord(
                    fileName,
                    b.line,
                    b.problem,
                    raw == null ? "" : raw.text(rawEnd()),
                    raw == null ? 0 : raw.omitted()));
        }
        dropRaw();
    }

    /** Where the raw lines of the receipt just closed end: a waiting MN's line is the next receipt's. */
    private int rawEnd() {
        return pending != null ? pending.rawMark : raw.size();
    }

    /** Forgets the raw lines that belong to no receipt to come (all but a waiting MN's). */
    private void dropRaw() {
        if (raw != null) {
            raw.dropBefore(rawEnd());
            if (pending != null) {
                pending = new PendingManagement(pending.line(), pending.fields(), 0);
            }
        }
    }

    /** The open receipt is left out for {@code problem}, its first; without one, the problem is the file's. */
    private void failOpen(FormatError problem) {
        if (open == null) {
            fileProblem(problem);
        } else if (!open.failed) {
            open.failed = true;
            open.problem = problem;
        }
    }

    private void keepLine() {
        if (raw != null) {
            raw.add(buf, lineStart, lineEnd);
        }
    }

    private void keepIfOpen() {
        if (open != null) {
            keepLine();
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (pending != null) {
            attachPendingToOpen();
        }
        if (layout == Layout.INSURER) {
            closeOpen(); // insurer-side files have no GO record: the last receipt ends with the file
        } else if (sawFacility || open != null) {
            boolean cutShort = open != null && !open.failed;
            FormatError e = problem(
                    lineNumber,
                    "GO",
                    "",
                    "file ends without the GO record"
                            + (cutShort ? "; the last receipt may be cut short and is left out" : ""));
            if (cutShort) {
                failOpen(e);
                closeOpen();
            } else {
                closeOpen();
                fileProblem(e);
            }
        }
        if (lineNumber == 0) {
            fileProblem(problem(0, "", "", "empty file"));
        }
    }

    /** A problem found: thrown at once in strict mode; in lenient mode the caller says whose it is. */
    private FormatError problem(long at, String record, String field, String reason) {
        FormatError e = new FormatError(fileName, at, record, field, reason);
        if (mode == ReadMode.STRICT) {
            throw new FormatException(e);
        }
        return e;
    }

    private void fileProblem(FormatError e) {
        errorCount++;
        problems.ofFile(e);
    }
}
