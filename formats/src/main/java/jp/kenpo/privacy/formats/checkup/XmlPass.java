package jp.kenpo.privacy.formats.checkup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.kenpo.privacy.formats.BoundedInputStream;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.StrictTextReader;

/**
 * One pass over one XML document of this package (a person's CDA document, the archive's index),
 * with the refusals every such document gets whatever it holds: a declared encoding other than
 * UTF-8, malformed UTF-8 (with its line), any DOCTYPE, entity references, nesting deeper than
 * {@link XmlLimits#maxDepth()}, text or attribute values over {@link XmlLimits#maxTextChars()},
 * more bytes than {@link XmlLimits#maxDocumentBytes()}. Subclasses see the elements that pass;
 * every problem is a {@link FormatException} naming document, line, element path and attribute.
 * One instance reads one document.
 */
abstract class XmlPass {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    protected final String name;
    protected final XmlLimits limits;
    protected final Deque<String> stack = new ArrayDeque<>();
    protected long line;
    private final String kind;

    /** @param kind what the document is, for messages ("a checkup document") */
    protected XmlPass(String name, XmlLimits limits, String kind) {
        this.name = name;
        this.limits = limits;
        this.kind = kind;
    }

    /** A factory that reads no DTD, resolves no entity and fetches nothing: configure once, share between threads. */
    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** Why the root element is refused, or null when it is the one expected. */
    protected abstract String refusedRoot(XMLStreamReader x);

    protected abstract void start(XMLStreamReader x);

    /** A text node, already within the length bound. */
    protected void characters(XMLStreamReader x) {}

    protected abstract void end(String localName);

    /**
     * Reads the document in {@code in} (not closed). The bytes are decoded here with a decoder
     * that refuses malformed input, so that an undecodable byte is an error with its line and the
     * JDK parser has no reason to print to standard error.
     */
    final void read(XMLInputFactory factory, InputStream in) {
        XMLStreamReader x = null;
        try {
            BufferedInputStream bytes =
                    new BufferedInputStream(new BoundedInputStream(in, limits.maxDocumentBytes()), 1 << 14);
            bytes.mark(512);
            byte[] head = bytes.readNBytes(512);
            bytes.reset();
            String declared = declaredEncoding(head);
            if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
                throw new FormatException(new FormatError(
                        name,
                        1,
                        "?xml",
                        "encoding",
                        "encoding \"" + declared + "\" is not UTF-8, the encoding of 特定健診 files"));
            }
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                bytes.skipNBytes(3);
            }
            x = factory.createXMLStreamReader(new StrictTextReader(bytes, name, StandardCharsets.UTF_8));
            run(x);
        } catch (IOException e) {
            throw new FormatException(new FormatError(name, lineOf(e, line), path(), "", reasonFor(e)), e);
        } catch (XMLStreamException e) {
            Location l = e.getLocation();
            Throwable cause = rootIo(e);
            long at = l == null || l.getLineNumber() < 0 ? line : l.getLineNumber();
            String reason = cause != null ? reasonFor(cause) : "not well-formed XML: " + cleanMessage(e);
            throw new FormatException(
                    new FormatError(name, cause != null ? lineOf(cause, at) : at, path(), "", reason), e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the input is the caller's to close; nothing is held here
                }
            }
        }
    }

    private void run(XMLStreamReader x) throws XMLStreamException {
        boolean sawRoot = false;
        while (x.hasNext()) {
            int event = x.next();
            line = x.getLocation().getLineNumber();
            switch (event) {
                case XMLStreamConstants.DTD -> throw fail("", "DOCTYPE is not allowed in " + kind);
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw fail("", "entity reference &" + x.getLocalName() + "; is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    stack.push(x.getLocalName());
                    if (!sawRoot) {
                        sawRoot = true;
                        String refused = refusedRoot(x);
                        if (refused != null) {
                            throw fail("", refused);
                        }
                    }
                    if (stack.size() > limits.maxDepth()) {
                        throw fail("", "elements nested deeper than " + limits.maxDepth());
                    }
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        if (x.getAttributeValue(i).length() > limits.maxTextChars()) {
                            throw fail(
                                    x.getAttributeLocalName(i),
                                    "attribute longer than " + limits.maxTextChars() + " characters");
                        }
                    }
                    start(x);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (x.getTextLength() > limits.maxTextChars()) {
                        throw fail("", "text longer than " + limits.maxTextChars() + " characters");
                    }
                    characters(x);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    end(x.getLocalName());
                    stack.pop();
                }
                default -> {
                    // comments, processing instructions and whitespace carry nothing
                }
            }
        }
        if (!sawRoot) {
            throw fail("", "no root element");
        }
    }

    protected final String path() {
        List<String> parts = new ArrayList<>(stack);
        Collections.reverse(parts);
        return String.join("/", parts);
    }

    protected final FormatException fail(String attribute, String reason) {
        return new FormatException(new FormatError(name, line, path(), attribute, reason));
    }

    private static Throwable rootIo(XMLStreamException e) {
        Throwable t = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        for (int i = 0; t != null && i < 8; i++) {
            if (t instanceof IOException) {
                return t;
            }
            t = t.getCause();
        }
        return null;
    }

    private static long lineOf(Throwable io, long otherwise) {
        return io instanceof StrictTextReader.TextEncodingException m ? m.line() : otherwise;
    }

    private static String reasonFor(Throwable io) {
        if (io instanceof BoundedInputStream.LimitExceeded) {
            return "document " + io.getMessage();
        }
        if (io instanceof CharacterCodingException) {
            return "undecodable bytes for UTF-8";
        }
        return "cannot read: " + io.getMessage();
    }

    /** The encoding named in the XML declaration at the start of {@code head}, or {@code null}. */
    static String declaredEncoding(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        if (s.startsWith("\u00EF\u00BB\u00BF")) {
            s = s.substring(3);
        }
        if (!s.startsWith("<?xml")) {
            return null;
        }
        int end = s.indexOf("?>");
        Matcher m = ENCODING.matcher(end < 0 ? s : s.substring(0, end));
        return m.find() ? m.group(1) : null;
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).strip();
    }
}
