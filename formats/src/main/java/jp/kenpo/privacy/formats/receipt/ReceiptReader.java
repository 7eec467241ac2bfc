package jp.kenpo.privacy.formats.receipt;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.InsurerNumber;
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
 */
public final class ReceiptReader implements Closeable {

    /** Longest line accepted; the longest layout (SS with 109 fields, SJ with 2400 bytes) stays far below. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private static final int BUFFER_BYTES = 1 << 20;
    private static final byte EOF_MARK = 0x1A;

    private final InputStream in;
    private final String fileName;
    private final ReadMode mode;
    private final ReadProblems problems;
    /** The raw lines of the receipt being read; null when the caller does not keep the text of receipts left out. */
    private final RawLines raw;
    private final RecordLine line = new RecordLine();

    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean finished;
    private long lineNumber;
    private long bytesRead;
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
    private Builder open;
    private PendingManagement pending;
    private long receiptLine;
    private int errorCount;

    private final ArrayDeque<Ready> ready = new ArrayDeque<>(2);
    /** Decided by the first record line: whether every line starts with the three insurer-side columns. */
    private Layout layout;

    /** An MN waiting for the RE it belongs to; {@code rawMark} is where its line starts among the raw lines. */
    private record PendingManagement(long line, List<String> fields, int rawMark) {
    }

    private record Ready(Receipt receipt, long line) {
    }

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
    }

    public static ReceiptReader open(Path file, ReadMode mode, Consumer<FormatError> errors) throws IOException {
        return new ReceiptReader(Files.newInputStream(file), file.toString(), mode, errors);
    }

    /** The next receipt, or {@code null} at the end of the file. */
    public Receipt next() {
        try {
            while (ready.isEmpty()) {
                if (!readLine()) {
                    finish();
                    break;
                }
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
        return lineNumber;
    }

    public long bytesRead() {
        return bytesRead;
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
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
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

    /** Finds the next line in the buffer; false at the end of the input. */
    private boolean readLine() throws IOException {
        boolean discarding = false;
        long discardLine = 0;
        while (true) {
            int nl = indexOfNewline(pos, limit);
            if (nl >= 0) {
                int start = pos;
                pos = nl + 1;
                lineNumber++;
                if (discarding) {
                    longLine(discardLine);
                    discarding = false;
                    continue;
                }
                lineStart = start;
                lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
                if (lineEnd - lineStart > MAX_LINE_BYTES) {
                    longLine(lineNumber);
                    continue;
                }
                return true;
            }
            if (eof) {
                if (pos >= limit) {
                    return false;
                }
                // the last line has no CR LF: accept it, without a trailing end-of-file mark
                int start = pos;
                int end = limit;
                pos = limit;
                if (buf[end - 1] == EOF_MARK) {
                    end--;
                }
                if (end > start && buf[end - 1] == '\r') {
                    end--;
                }
                if (end == start) {
                    return false;
                }
                lineNumber++;
                lineStart = start;
                lineEnd = end;
                return true;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                if (!discarding) {
                    discarding = true;
                    discardLine = lineNumber + 1;
                }
                limit = 0;
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                if (discarding) {
                    lineNumber++;
                    longLine(discardLine);
                    discarding = false;
                    limit = 0;
                }
            } else {
                limit += n;
                bytesRead += n;
            }
        }
    }

    private void longLine(long at) {
        failOpen(problem(at, "", "", "line longer than " + MAX_LINE_BYTES + " bytes"));
        if (raw != null && open != null) {
            raw.note("(line " + at + ": longer than " + MAX_LINE_BYTES + " bytes, not kept)");
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
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
                failOpen(problem(lineNumber, printableStart(), "", "not in the insurer-side layout of the rest of the file"
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
            failOpen(problem(lineNumber, shown, "", shown.isEmpty() ? "empty line" : "unknown record type \"" + shown + "\""));
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
            problem = String.format("control character 0x%02X at column %d", buf[lineStart + line.controlAt],
                    line.controlAt + 1);
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
                open = Builder.failed(lineNumber, problem);
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
        dropRaw();
        boolean dentalIr = dentalIr(type);
        if (dentalIr && facilityFailed) {
            keepLine(); // its UK could not be read: the receipts under it are left out already
            return;
        }
        try {
            facility = dentalIr ? withDentalIr(facility) : parseFacility(type);
            FieldCounts.Range range = FieldCounts.of(type, FieldCounts.Kind.of(facility.kind(), false), false);
            if (range == null || !range.allows(line.count)) {
                facility = null;
                fileProblem(problem(lineNumber, type.name(), "", range == null
                        ? "a " + kindName(type) + " file has no " + type.name() + " record"
                        : wrongCount(range, " for a " + kindName(type) + " facility header")));
                facilityFailed = true;
            } else {
                facilityFailed = false;
            }
        } catch (InvalidValueException e) {
            fileProblem(problem(lineNumber, type.name(), type.fieldName(line.lastField()), e.getMessage()));
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

    /** The 歯科 IR: the UK's 審査支払機関, 都道府県, 点数表 and 医療機関コード again, then 請求年月 and 電話番号. */
    private Facility withDentalIr(Facility uk) {
        for (int i = 1; i <= 4; i++) {
            String expected = switch (i) {
                case 1 -> uk.payer();
                case 2 -> uk.prefecture();
                case 3 -> uk.scoreTable();
                default -> uk.code();
            };
            if (!line.text(i).equals(expected)) {
                throw new InvalidValueException("differs from the UK record on line " + facilityLine);
            }
        }
        if (!line.yearMonth(6).equals(uk.billingMonth())) {
            throw new InvalidValueException("differs from the UK record on line " + facilityLine);
        }
        return new Facility(uk.recordType(), uk.payer(), uk.prefecture(), uk.scoreTable(), uk.code(), uk.name(),
                uk.billingMonth(), uk.volume(), line.text(7));
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
            open = Builder.failed(lineNumber, problem(lineNumber, "RE", "", facilityFailed
                    ? "left out with its facility header on line " + facilityLine + ", which could not be read"
                    : "RE before any IR/YK facility header"));
            return;
        }
        String countProblem = receiptCountProblem();
        if (countProblem != null) {
            open = Builder.failed(lineNumber, problem(lineNumber, "RE", "", countProblem));
            return;
        }
        try {
            open = parseReceiptHeader();
            if (mn != null) {
                open.others.add(new OtherRecord(open.seq++, "MN", mn.fields));
            }
        } catch (InvalidValueException e) {
            open = Builder.failed(lineNumber, problem(lineNumber, "RE", RecordType.RE.fieldName(line.lastField()),
                    e.getMessage()));
        }
    }

    /**
     * Why the RE's field count does not fit its kind and edition, or null when it fits. A 医科 RE
     * is in the 出来高 layout or in the DPC layout, told by its count.
     */
    private String receiptCountProblem() {
        boolean era = eraDates();
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

    /** The RE's 診療年月 tells the edition: GYYMM in the 和暦 editions, YYYYMM in the 令和 ones. */
    private boolean eraDates() {
        return line.ends[3] - line.starts[3] == 5;
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
        pending = new PendingManagement(lineNumber, fieldsAfterType(), raw == null ? 0 : raw.size());
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
            failOpen(problem(lineNumber, type.name(), "", "record type " + type.name() + " does not belong to a "
                    + open.layoutKind.japanese + " receipt"));
            return;
        }
        if (!range.allows(line.count)) {
            failOpen(problem(lineNumber, type.name(), "", wrongCount(range, " for a " + open.layoutKind.japanese
                    + " receipt of the " + edition(open.eraDates))));
            return;
        }
        try {
            parseChild(type, open);
        } catch (InvalidValueException e) {
            failOpen(problem(lineNumber, type.name(), childFieldName(type, line.lastField()), e.getMessage()));
        }
    }

    private void closeOpen() {
        closeOpen(true);
    }

    private void closeOpen(boolean attachPending) {
        if (attachPending && pending != null) {
            attachPendingToOpen();
        }
        Builder b = open;
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
            problems.unreadable(new UnreadableRecord(fileName, b.line, b.problem, raw == null ? "" : raw.text(rawEnd()),
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
            FormatError e = problem(lineNumber, "GO", "", "file ends without the GO record"
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

    private List<String> fieldsAfterType() {
        List<String> f = new ArrayList<>(line.count - 1);
        for (int i = 1; i < line.count; i++) {
            f.add(line.text(i));
        }
        return f;
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

    // ---- records -------------------------------------------------------------------------

    private Facility parseFacility(RecordType type) {
        String payer = line.text(1);
        if (payer.isEmpty() || payer.length() > 2 || !RecordLine.allDigits(payer)) {
            throw new InvalidValueException("must be 1 or 2 digits, got \"" + payer + "\"");
        }
        String prefecture = line.digits(2, 2);
        int p = Integer.parseInt(prefecture);
        if (p < 1 || p > 47) {
            throw new InvalidValueException("no prefecture " + prefecture + " (01–47)");
        }
        String table = line.digits(3, 1);
        if (ReceiptKind.ofScoreTable(table) == null) {
            throw new InvalidValueException("unknown 点数表 " + table + " (1 医科, 3 歯科, 4 調剤)");
        }
        if (type == RecordType.YK && !"4".equals(table)) {
            throw new InvalidValueException("a pharmacy header must have 点数表 4, got " + table);
        }
        if (type == RecordType.UK && !"3".equals(table)) {
            throw new InvalidValueException("a UK header must have 点数表 3 (歯科), got " + table);
        }
        if (type == RecordType.IR && "3".equals(table)) {
            throw new InvalidValueException("a 歯科 file opens with its UK record; an IR with 点数表 3 must follow a UK");
        }
        String code = line.digits(4, 7);
        // YK has no 予備 field after the code: name, 請求年月, volume and phone sit one field earlier
        int at = type == RecordType.YK ? 5 : 6;
        String name = line.text(at);
        YearMonth billing = line.yearMonth(at + 1);
        if (type == RecordType.UK) {
            // 届出 at 8 (not kept), マルチボリューム識別情報 at 9; the telephone number is in the 歯科 IR
            line.text(8);
            String volume = line.isEmpty(9) ? "" : line.digits(9, 2);
            return new Facility(type.name(), payer, prefecture, table, code, name, billing, volume, "");
        }
        String volume = line.isEmpty(at + 2) ? "" : line.digits(at + 2, 2);
        String phone = line.text(at + 3);
        return new Facility(type.name(), payer, prefecture, table, code, name, billing, volume, phone);
    }

    private Builder parseReceiptHeader() {
        Builder b = new Builder(lineNumber, facility);
        String number = line.text(1);
        if (number.isEmpty() || number.length() > 6 || !RecordLine.allDigits(number) || Integer.parseInt(number) == 0) {
            throw new InvalidValueException("must be a serial number 1–999999, got \"" + number + "\"");
        }
        b.receiptNumber = Integer.parseInt(number);
        String type = line.digits(2, 4);
        if (!type.startsWith(facility.scoreTable())) {
            throw new InvalidValueException("レセプト種別 " + type + " does not belong under 点数表 "
                    + facility.scoreTable() + " of the facility header");
        }
        if (type.charAt(1) < '1' || type.charAt(1) > '4' || type.charAt(2) < '1' || type.charAt(2) > '5') {
            throw new InvalidValueException("not a レセプト種別 code: " + type);
        }
        b.receiptType = type;
        b.treatmentMonth = line.yearMonth(3);
        b.name = line.text(4);
        String sex = line.text(5);
        if (!"1".equals(sex) && !"2".equals(sex)) {
            throw new InvalidValueException("男女区分 must be 1 or 2, got \"" + sex + "\"");
        }
        b.sex = sex;
        b.birthDate = line.date(6);
        if (b.birthDate.isAfter(b.treatmentMonth.atEndOfMonth())) {
            line.date(6);
            throw new InvalidValueException("born " + b.birthDate + ", after the treatment month " + b.treatmentMonth);
        }
        ReceiptKind kind = facility.kind();
        b.eraDates = eraDates();
        b.layoutKind = FieldCounts.Kind.of(kind, kind == ReceiptKind.MEDICAL
                && FieldCounts.receipt(FieldCounts.Kind.DPC, b.eraDates).allows(line.count));
        b.admissionDate = kind == ReceiptKind.PHARMACY ? null : line.optionalDate(8);
        // the 和暦 医科 layout ends before the カタカナ氏名, which text() then gives as empty
        b.kanaName = line.text(kanaField(b.layoutKind));
        return b;
    }

    /** Field names of the 調剤 layouts of records whose 医科 layout {@link RecordType} names. */
    private static final Map<RecordType, List<String>> PHARMACY_FIELDS = Map.of(
            RecordType.IY, List.of("負担区分", "医薬品コード", "使用量", "予備", "予備", "混合区分コード", "混合区分 枝",
                    "配合不適区分", "1回用量"),
            RecordType.TO, List.of("負担区分", "特定器材コード", "使用量", "単位コード", "単価", "特定器材名称"),
            RecordType.CO, List.of("コメントコード", "文字データ"),
            RecordType.HO, List.of("保険者番号", "被保険者証等の記号", "被保険者証等の番号", "処方箋受付回数", "合計点数", "予備",
                    "職務上の事由", "証明書番号", "一部負担金", "予備", "減免区分", "減額割合", "減額金額"),
            RecordType.KO, List.of("公費負担者番号", "公費受給者番号", "任意給付区分", "処方箋受付回数", "合計点数", "予備",
                    "一部負担金額", "予備", "公費給付対象一部負担金"));

    /** Field names of the 歯科 layouts that differ from the 医科 ones {@link RecordType} names (up to the 算定日情報). */
    private static final Map<RecordType, List<String>> DENTAL_FIELDS = Map.of(
            RecordType.HO, List.of("保険者番号", "被保険者証等の記号", "被保険者証等の番号", "診療実日数", "合計点数",
                    "食事療養・生活療養 回数", "食事療養・生活療養 合計金額", "職務上の事由", "証明書番号", "負担金額 医療保険",
                    "減免区分", "減額割合", "減額金額"),
            RecordType.SI, List.of("診療識別", "負担区分", "診療行為コード", "数量データ", "点数", "回数"),
            RecordType.IY, List.of("診療識別", "負担区分", "医薬品コード", "使用量", "点数", "回数", "医薬品区分"),
            RecordType.TO, List.of("診療識別", "負担区分", "特定器材コード", "使用量", "単位コード", "単価",
                    "特定器材加算等コード1", "特定器材加算等数量データ1", "特定器材加算等コード2", "特定器材加算等数量データ2",
                    "商品名及び規格又はサイズ", "点数", "回数"));

    private String childFieldName(RecordType type, int index) {
        ReceiptKind kind = open.facility.kind();
        List<String> dental = kind == ReceiptKind.DENTAL ? DENTAL_FIELDS.get(type) : null;
        if (dental != null) {
            return index >= 1 && index <= dental.size() ? dental.get(index - 1)
                    : index <= dental.size() + 31 ? (index - dental.size()) + "日の情報" : "項目" + index;
        }
        List<String> names = kind == ReceiptKind.PHARMACY ? PHARMACY_FIELDS.get(type) : null;
        if (names != null) {
            return index >= 1 && index <= names.size() ? names.get(index - 1) : "項目" + index;
        }
        return type.fieldName(index);
    }

    /** Position of カタカナ氏名 in RE: 医科 36, DPC 38 (after its レセプト総括区分 and 明細情報数), 歯科 25, 調剤 41. */
    static int kanaField(FieldCounts.Kind kind) {
        return switch (kind) {
            case MEDICAL -> 36;
            case DPC -> 38;
            case DENTAL -> 25;
            case PHARMACY -> 41;
        };
    }

    private void parseChild(RecordType type, Builder b) {
        if (b.facility.kind() == ReceiptKind.PHARMACY) {
            switch (type) {
                case IY -> {
                    // 調剤 IY: 負担区分, 医薬品コード, 使用量; days and points are in the CZ record
                    b.drugs.add(new Drug(b.seq++, "", burden(1), line.digits(2, 9), line.optionalDecimal(3, 5, 5), null,
                            null, List.of(), ServiceDays.NONE));
                    return;
                }
                case TO -> {
                    // 調剤 TO: 負担区分, 特定器材コード, 使用量, 単位コード, 単価, 名称; no 診療識別, 点数 or 回数
                    b.materials.add(new Material(b.seq++, "", burden(1), line.digits(2, 9), line.optionalDecimal(3, 9, 5),
                            null, null, line.text(4), line.optionalDecimal(5, 9, 2), line.text(6), List.of(),
                            ServiceDays.NONE));
                    return;
                }
                case CO -> {
                    // 調剤 CO: コメントコード, 文字データ
                    b.comments.add(new Comment(b.seq++, "", "", line.digits(1, 9), line.text(2)));
                    return;
                }
                case HO -> {
                    b.insurance(parsePharmacyInsurance());
                    return;
                }
                case KO -> {
                    // 調剤 KO: 処方箋受付回数 at 4, 合計点数 at 5, 一部負担金額 at 7
                    b.publicExpenses.add(new PublicExpense(line.digits(1, 8), optionalMaxDigits(2, 7), line.text(3),
                            line.optionalInteger(4, 2), line.optionalInteger(5, 8), line.optionalInteger(7, 8)));
                    return;
                }
                case SH -> {
                    b.prescriptions.add(parseSh(b.seq++));
                    return;
                }
                case CZ -> {
                    b.dispensings.add(parseCz(b.seq++));
                    return;
                }
                default -> {
                    // SN, JD, MF and the rest share the common layout
                }
            }
        }
        if (b.facility.kind() == ReceiptKind.DENTAL && parseDentalChild(type, b)) {
            return;
        }
        switch (type) {
            case HO -> b.insurance(parseInsurance());
            case KO -> b.publicExpenses.add(new PublicExpense(line.digits(1, 8), optionalMaxDigits(2, 7),
                    line.text(3), line.optionalInteger(4, 2), line.optionalInteger(5, 8), line.optionalInteger(6, 8)));
            case SN -> parseEligibility(b);
            case SY -> b.diagnoses.add(parseSy(b.seq++));
            case HS -> b.diagnoses.add(parseHs(b.seq++));
            case SI -> b.procedures.add(checked(parseSi(b.seq++)));
            case SS -> b.procedures.add(checked(parseSs(b.seq++)));
            case IY -> b.drugs.add(checked(new Drug(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.optionalDecimal(4, 5, 5), line.optionalInteger(5, 7), line.integer(6, 3),
                    Builder.embeddedComments(line, 7), days(RecordType.IY))));
            case TO -> b.materials.add(checked(new Material(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.optionalDecimal(4, 9, 5), line.optionalInteger(5, 7), line.integer(6, 3),
                    line.text(7), line.optionalDecimal(8, 9, 2), line.text(10), Builder.embeddedComments(line, 11),
                    days(RecordType.TO))));
            case CO -> b.comments.add(new Comment(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.text(4)));
            case SJ -> b.symptomDetails.add(new SymptomDetail(b.seq++, line.optionalDigits(1, 2), line.text(2)));
            case BU -> {
                if (b.diagnosisGroup != null) {
                    throw new InvalidValueException("a second BU record in one receipt");
                }
                b.diagnosisGroup = parseBu(b.seq++);
            }
            case SB -> b.dpcDiagnoses.add(parseSb(b.seq++));
            default -> b.others.add(new OtherRecord(b.seq++, type.name(), fieldsAfterType()));
        }
    }

    /**
     * The 歯科 layouts of HO, SI, IY and TO (記録条件仕様 歯科用): no comment fields in SI, IY and TO,
     * 医薬品区分 after IY's 回数, TO's 点数 and 回数 after its 加算 and name, no 予備 in HO. False for a
     * record whose layout is the common one.
     */
    private boolean parseDentalChild(RecordType type, Builder b) {
        switch (type) {
            case HO -> {
                Insurance common = parseInsurance();
                b.insurance(new Insurance(common.insurerNumber(), common.symbol(), common.number(), common.days(),
                        common.points(), line.optionalInteger(6, 2), line.optionalInteger(7, 8), line.text(8),
                        line.optionalInteger(10, 9)));
            }
            case SI -> b.procedures.add(checked(new Procedure(b.seq++, "SI", line.optionalDigits(1, 2), burden(2),
                    line.digits(3, 9), line.optionalLong(4, 8), line.optionalInteger(5, 7), line.integer(6, 3), List.of(),
                    days(7))));
            case IY -> b.drugs.add(checked(new Drug(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                    line.optionalDecimal(4, 5, 5), line.optionalInteger(5, 7), line.integer(6, 3), List.of(), days(8))));
            case TO -> {
                Material m = new Material(b.seq++, line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                        line.optionalDecimal(4, 9, 5), line.optionalInteger(12, 7), line.integer(13, 3), line.text(5),
                        line.optionalDecimal(6, 9, 2), line.text(11), List.of(), days(14));
                checkDays(m.days(), m.count(), 13);
                b.materials.add(m);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * 記録条件仕様: from the April 2012 treatments on, 回数 equals the sum of the 算定日情報 of days
     * 1–31. A record whose days disagree with its count is refused rather than believed either way.
     */
    private Procedure checked(Procedure p) {
        checkDays(p.days(), p.count(), p.recordType().equals("SS") ? 77 : 6);
        return p;
    }

    private Drug checked(Drug d) {
        checkDays(d.days(), d.count(), 6);
        return d;
    }

    private void checkDays(ServiceDays days, Integer count, int countField) {
        if (count != null) {
            checkDays(days, (int) count, countField);
        }
    }

    private Material checked(Material m) {
        checkDays(m.days(), m.count(), 6);
        return m;
    }

    private DiagnosisGroup parseBu(int seq) {
        String code = line.text(1);
        if (!diagnosisGroupCode(code)) {
            throw new InvalidValueException("診断群分類番号 must be 14 characters, 6 digits then digits or x, got \""
                    + code + "\"");
        }
        LocalDate admitted = line.date(2);
        LocalDate discharged = line.optionalDate(3);
        if (discharged != null && discharged.isBefore(admitted)) {
            throw new InvalidValueException("discharged " + discharged + ", before the admission " + admitted);
        }
        return new DiagnosisGroup(seq, code, admitted, discharged, line.optionalDigits(4, 1), line.text(5));
    }

    /** MDC and 傷病 (6 digits), then 年齢等, 手術, 処置等1・2, 副傷病, 重症度: digits, or x where unused. */
    private static boolean diagnosisGroupCode(String code) {
        if (code.length() != 14 || !RecordLine.allDigits(code.substring(0, 6))) {
            return false;
        }
        for (int k = 6; k < 14; k++) {
            char c = code.charAt(k);
            if (c != 'x' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private DpcDiagnosis parseSb(int seq) {
        String code = line.digits(1, 7);
        List<String> modifiers = modifiers(2);
        String name = uncodedName(code, 3);
        String icd10 = line.text(4);
        if (!icd10Shape(icd10)) {
            throw new InvalidValueException("ICD10コード must be a capital letter and 2 to 4 digits or capitals, got \""
                    + icd10 + "\"");
        }
        String category = line.digits(5, 2);
        String death = line.text(6);
        if (!death.isEmpty() && !"1".equals(death)) {
            throw new InvalidValueException("死因 must be 1 or empty, got \"" + death + "\"");
        }
        return new DpcDiagnosis(seq, code, modifiers, name, icd10, category, death, line.text(7));
    }

    private static boolean icd10Shape(String s) {
        if (s.length() < 3 || s.length() > 5 || s.charAt(0) < 'A' || s.charAt(0) > 'Z'
                || !RecordLine.allDigits(s.substring(1, 3))) {
            return false;
        }
        for (int k = 3; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private Prescription parseSh(int seq) {
        String number = maxDigits(1, 2);
        String form = line.digits(2, 1);
        String usage = optionalMaxDigits(3, 3);
        String instruction = line.text(4);
        int unit = line.integer(5, 7);
        List<Integer> publicUnits = new ArrayList<>(Prescription.PUBLIC_EXPENSES);
        for (int k = 0; k < Prescription.PUBLIC_EXPENSES; k++) {
            publicUnits.add(line.optionalInteger(6 + k, 7));
        }
        return new Prescription(seq, number, form, usage, instruction, unit, publicUnits);
    }

    private Dispensing parseCz(int seq) {
        String doctor = optionalMaxDigits(1, 2);
        LocalDate prescribed = line.date(2);
        LocalDate dispensed = line.date(3);
        if (dispensed.isBefore(prescribed)) {
            throw new InvalidValueException("dispensed " + dispensed + ", before the prescription " + prescribed);
        }
        int reception = line.integer(4, 2);
        int quantity = line.integer(5, 3);
        DispensingFee preparation = fee(6, true);
        String split = optionalMaxDigits(11, 2);
        Integer previous = line.optionalInteger(12, 3);
        Integer drugPoints = line.optionalInteger(13, 7);
        List<DispensingFee> additions = new ArrayList<>(2);
        for (int k = 0; k < Dispensing.MAX_ADDITIONS; k++) {
            DispensingFee f = fee(15 + 3 * k, false);
            if (f != null) {
                additions.add(f);
            }
        }
        List<Integer> reduction = new ArrayList<>(Dispensing.REDUCTION_POINTS);
        for (int k = 0; k < Dispensing.REDUCTION_POINTS; k++) {
            reduction.add(line.optionalInteger(66 + k, 7));
        }
        return new Dispensing(seq, doctor, prescribed, dispensed, reception, quantity, preparation, split, previous,
                drugPoints, additions, line.optionalInteger(45, 3), optionalMaxDigits(46, 1),
                line.optionalInteger(47, 3), line.optionalDigits(48, 9), optionalMaxDigits(49, 2),
                line.optionalInteger(50, 3), line.optionalInteger(51, 3), optionalMaxDigits(52, 1),
                optionalMaxDigits(53, 1), fee(54, false), fee(57, true), fee(62, false), optionalMaxDigits(65, 1),
                reduction);
    }

    /**
     * A CZ fee group from field {@code from}: 負担区分, (算定区分, 算定先No when {@code routed}), コード,
     * 点数; null when every field of the group is empty.
     */
    private DispensingFee fee(int from, boolean routed) {
        int codeAt = from + (routed ? 3 : 1);
        boolean any = false;
        for (int i = from; i <= codeAt + 1; i++) {
            any |= !line.isEmpty(i);
        }
        if (!any) {
            return null;
        }
        return new DispensingFee(burden(from), routed ? line.digits(from + 1, 1) : "",
                routed ? line.digits(from + 2, 2) : "", line.digits(codeAt, 9), line.optionalInteger(codeAt + 1, 5));
    }

    private void checkDays(ServiceDays days, int count, int countField) {
        if (!days.isEmpty() && days.total() != count) {
            line.text(countField);
            throw new InvalidValueException("回数 " + count + " differs from the sum " + days.total()
                    + " of the 算定日情報");
        }
    }

    private Insurance parseInsurance() {
        String insurer = line.text(1);
        String trimmed = insurer.stripLeading();
        // Read as written: 国保 cards have no 記号, 6-digit numbers come left-padded with spaces ("  133066"),
        // and receipt software writes the card fields it has, even none; the linker quarantines a receipt
        // that names no member rather than the reader refusing it.
        if (!trimmed.isEmpty() && (insurer.length() != 8 || trimmed.length() < 6 || !RecordLine.allDigits(trimmed))) {
            throw new InvalidValueException("保険者番号 must be 8 characters of digits (6-digit numbers left-padded)");
        }
        if (trimmed.length() == 8 && !InsurerNumber.isValid(insurer)) {
            throw new InvalidValueException("check digit of 保険者番号 is wrong");
        }
        String symbol = line.text(2);
        String number = line.text(3);
        return new Insurance(insurer, symbol, number, line.optionalInteger(4, 2), line.integer(5, 8),
                line.optionalInteger(7, 2), line.optionalInteger(8, 8), line.text(9), line.optionalInteger(11, 9));
    }

    /** 調剤 HO: 処方箋受付回数 at 4 in place of 診療実日数, no 食事療養, 職務上の事由 at 7, 一部負担金 at 9. */
    private Insurance parsePharmacyInsurance() {
        Insurance common = parseInsurance();
        return new Insurance(common.insurerNumber(), common.symbol(), common.number(), common.days(), common.points(),
                null, null, line.text(7), line.optionalInteger(9, 9));
    }

    private void parseEligibility(Builder b) {
        String kind = line.digits(1, 1);
        if (kind.charAt(0) < '1' || kind.charAt(0) > '5') {
            throw new InvalidValueException("負担者種別 must be 1–5, got " + kind);
        }
        Eligibility e = new Eligibility(kind, line.digits(2, 2), line.text(3), line.text(4), line.text(5),
                line.optionalDigits(6, 2), optionalMaxDigits(7, 7));
        if ("1".equals(kind)) {
            if (b.eligibility != null) {
                throw new InvalidValueException("a second SN record for the medical insurance");
            }
            b.eligibility = e;
        } else {
            b.others.add(new OtherRecord(b.seq++, "SN", fieldsAfterType()));
        }
    }

    private Diagnosis parseSy(int seq) {
        String code = line.digits(1, 7);
        LocalDate start = line.date(2);
        String outcome = outcome(3);
        List<String> modifiers = modifiers(4);
        String name = uncodedName(code, 5);
        return new Diagnosis(seq, "SY", code, start, outcome, modifiers, name, line.optionalDigits(6, 2),
                line.text(7), "");
    }

    private Diagnosis parseHs(int seq) {
        LocalDate start = line.optionalDate(1);
        String outcome = line.isEmpty(2) ? "" : outcome(2);
        String teeth = line.text(3);
        if (teeth.length() % 6 != 0) {
            throw new InvalidValueException("歯式コード must be a multiple of 6 characters, got " + teeth.length());
        }
        String code = line.digits(4, 7);
        List<String> modifiers = modifiers(5);
        String name = uncodedName(code, 6);
        return new Diagnosis(seq, "HS", code, start, outcome, modifiers, name, line.optionalDigits(9, 2),
                line.text(11), teeth);
    }

    private Procedure parseSi(int seq) {
        return new Procedure(seq, "SI", line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                line.optionalLong(4, 8), line.optionalInteger(5, 7), line.integer(6, 3),
                Builder.embeddedComments(line, 7), days(RecordType.SI));
    }

    private Procedure parseSs(int seq) {
        return new Procedure(seq, "SS", line.optionalDigits(1, 2), burden(2), line.digits(3, 9),
                line.optionalLong(4, 8), line.optionalInteger(76, 7), line.integer(77, 3), List.of(),
                days(RecordType.SS));
    }

    /** 傷病名称 at {@code i}: recorded for an uncoded disease (0000999), which cannot go without it. */
    private String uncodedName(String code, int i) {
        String name = line.text(i);
        if (Diagnosis.UNCODED.equals(code) && name.isEmpty()) {
            throw new InvalidValueException("an uncoded disease (0000999) needs its 傷病名称");
        }
        return name;
    }

    private String outcome(int i) {
        String o = line.digits(i, 1);
        if (o.charAt(0) < '1' || o.charAt(0) > '4') {
            throw new InvalidValueException("転帰区分 must be 1–4, got " + o);
        }
        return o;
    }

    private List<String> modifiers(int i) {
        String all = line.text(i);
        if (all.isEmpty()) {
            return List.of();
        }
        if (all.length() % 4 != 0 || all.length() > 80) {
            throw new InvalidValueException("修飾語コード must be up to 20 codes of 4 characters, got \"" + all + "\"");
        }
        List<String> codes = new ArrayList<>(all.length() / 4);
        for (int k = 0; k < all.length(); k += 4) {
            String c = all.substring(k, k + 4);
            for (int j = 0; j < 4; j++) {
                char ch = c.charAt(j);
                if (!(ch >= '0' && ch <= '9') && !(ch >= 'A' && ch <= 'Z')) {
                    throw new InvalidValueException("修飾語コード \"" + c + "\" is not 4 ASCII letters or digits");
                }
            }
            codes.add(c);
        }
        return codes;
    }

    private String burden(int i) {
        String s = line.text(i);
        if (s.length() != 1 || !(Character.isDigit(s.charAt(0)) || (s.charAt(0) >= 'A' && s.charAt(0) <= 'Z'))) {
            throw new InvalidValueException("負担区分 must be one ASCII letter or digit, got \"" + s + "\"");
        }
        return s;
    }

    private String maxDigits(int i, int max) {
        if (line.isEmpty(i)) {
            throw new InvalidValueException("required value is missing");
        }
        return optionalMaxDigits(i, max);
    }

    private String optionalMaxDigits(int i, int max) {
        String s = line.text(i);
        if (!s.isEmpty() && (s.length() > max || !RecordLine.allDigits(s))) {
            throw new InvalidValueException("must be up to " + max + " digits, got \"" + s + "\"");
        }
        return s;
    }

    private ServiceDays days(RecordType type) {
        return days(type.dayOffset());
    }

    /** The 31 算定日情報 fields from field {@code from}. */
    private ServiceDays days(int from) {
        if (line.count <= from) {
            return ServiceDays.NONE;
        }
        short[] counts = new short[31];
        boolean any = false;
        int to = Math.min(line.count, from + 31);
        for (int i = from; i < to; i++) {
            Integer c = line.optionalInteger(i, 3);
            if (c != null) {
                counts[i - from] = (short) (int) c;
                any = true;
            }
        }
        return any ? ServiceDays.wrap(counts) : ServiceDays.NONE;
    }

    /** The receipt being assembled. */
    private static final class Builder {
        final long line;
        final Facility facility;
        boolean failed;
        /** Why a failed receipt is left out: its first problem. */
        FormatError problem;
        int seq;
        int receiptNumber;
        String receiptType;
        YearMonth treatmentMonth;
        String name;
        String sex;
        LocalDate birthDate;
        LocalDate admissionDate;
        String kanaName;
        Insurance insurance;
        Eligibility eligibility;
        /** The layout the RE is in (医科 splits into 出来高 and DPC) and its edition: they fix every child's field count. */
        FieldCounts.Kind layoutKind;
        boolean eraDates;
        DiagnosisGroup diagnosisGroup;
        // lists are made when a first element comes: most receipts have no KO, TO, CO, SJ or other records
        final Lazy<PublicExpense> publicExpenses = new Lazy<>();
        final Lazy<Diagnosis> diagnoses = new Lazy<>();
        final Lazy<Procedure> procedures = new Lazy<>();
        final Lazy<Drug> drugs = new Lazy<>();
        final Lazy<Material> materials = new Lazy<>();
        final Lazy<Comment> comments = new Lazy<>();
        final Lazy<SymptomDetail> symptomDetails = new Lazy<>();
        final Lazy<OtherRecord> others = new Lazy<>();
        final Lazy<DpcDiagnosis> dpcDiagnoses = new Lazy<>();
        final Lazy<Prescription> prescriptions = new Lazy<>();
        final Lazy<Dispensing> dispensings = new Lazy<>();

        Builder(long line, Facility facility) {
            this.line = line;
            this.facility = facility;
        }

        void insurance(Insurance h) {
            if (insurance != null) {
                throw new InvalidValueException("a second HO record in one receipt");
            }
            insurance = h;
        }

        static Builder failed(long line, FormatError problem) {
            Builder b = new Builder(line, null);
            b.failed = true;
            b.problem = problem;
            return b;
        }

        static List<EmbeddedComment> embeddedComments(RecordLine l, int from) {
            List<EmbeddedComment> list = null;
            for (int i = from; i < from + 6 && i < l.count; i += 2) {
                if (!l.isEmpty(i)) {
                    if (list == null) {
                        list = new ArrayList<>(3);
                    }
                    list.add(new EmbeddedComment(l.digits(i, 9), l.text(i + 1)));
                } else if (!l.isEmpty(i + 1)) {
                    l.text(i + 1);
                    throw new InvalidValueException("文字データ without a コメントコード");
                }
            }
            return list == null ? List.of() : list;
        }

        Receipt build() {
            return new Receipt(facility, receiptNumber, receiptType, treatmentMonth, name, sex, birthDate,
                    admissionDate, kanaName, insurance, publicExpenses.list(), eligibility, diagnoses.list(),
                    procedures.list(), drugs.list(), materials.list(), comments.list(), symptomDetails.list(),
                    others.list(), diagnosisGroup, dpcDiagnoses.list(), prescriptions.list(), dispensings.list());
        }
    }

    /** A list made on first use. */
    private static final class Lazy<T> {
        private ArrayList<T> list;

        void add(T t) {
            if (list == null) {
                list = new ArrayList<>(4);
            }
            list.add(t);
        }

        List<T> list() {
            return list == null ? List.of() : list;
        }
    }
}
