package jp.kenpo.privacy.formats.checkup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The MHLW XML schemas kept under {@code src/test/resources/xsd/mhlw-v08} (see the README there),
 * compiled with the JDK's validator. Nothing is fetched: DTDs and external schemas are refused,
 * and the schemas' own includes are served from the test resources by name.
 */
final class OfficialSchemas {

    private static final String FOLDER = "/xsd/mhlw-v08/";

    /** 特定健診情報ファイル */
    static final OfficialSchemas CHECKUP = new OfficialSchemas("hc08_V08.xsd");
    /** 交換用基本情報ファイル */
    static final OfficialSchemas INDEX = new OfficialSchemas("ix08_V08.xsd");
    /** 集計情報ファイル */
    static final OfficialSchemas SUMMARY = new OfficialSchemas("su08_V08.xsd");

    private final String file;
    private final Schema schema;

    private OfficialSchemas(String file) {
        this.file = file;
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new FromResources());
            String id = "mhlw:" + FOLDER + file;
            schema = factory.newSchema(new StreamSource(resource(FOLDER + file), id));
        } catch (SAXException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every violation of the schema in {@code document}, as "line:column: message"; empty when valid. */
    List<String> violations(byte[] document) {
        List<String> found = new ArrayList<>();
        Validator v = schema.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    found.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            found.add("not validated: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public String toString() {
        return file;
    }

    private static InputStream resource(String path) {
        InputStream in = OfficialSchemas.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }

    /** Serves {@code xs:include} from the schema folder (relative to the including schema), nothing else. */
    private static final class FromResources implements LSResourceResolver {
        @Override
        public LSInput resolveResource(
                String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null || baseUri == null || !baseUri.startsWith("mhlw:")) {
                throw new IllegalStateException("schema resource outside the kept schemas: " + systemId);
            }
            String path = URI.create(baseUri.substring("mhlw:".length()))
                    .resolve(systemId)
                    .normalize()
                    .getPath();
            if (!path.startsWith(FOLDER)) {
                throw new IllegalStateException("schema resource outside the kept schemas: " + systemId);
            }
            return new Input("mhlw:" + path, resource(path));
        }
    }

    private record Input(String systemId, InputStream byteStream) implements LSInput {
        // @formatter:off
        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader r) {}

        @Override
        public InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream s) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String s) {}

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String s) {}

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String s) {}

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String s) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String s) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean b) {}
        // @formatter:on
    }
}
