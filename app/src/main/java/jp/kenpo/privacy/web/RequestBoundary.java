package jp.kenpo.privacy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.kenpo.privacy.formats.BoundedInputStream;
import jp.kenpo.privacy.shared.FreeText;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, before signing in: a body larger than its endpoint takes is
 * refused with 413 — from its declared length before a byte is read, or, sent in chunks, as soon
 * as it reads past the limit — and a query parameter holding control characters (NUL, which
 * PostgreSQL refuses) is refused with 400 naming the parameter. Neither answer repeats the value.
 */
final class RequestBoundary extends OncePerRequestFilter {

    /** Where the import page sends its files. */
    private static final String PAGE_UPLOADS = "/console/imports/";

    private final BodyLimits limits;
    private final long importLimit;
    private final Problems problems;

    RequestBoundary(BodyLimits limits, long importLimit, Problems problems) {
        this.limits = limits;
        this.importLimit = importLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.of(request.getMethod(), request.getRequestURI(), importLimit);
        boolean pageUpload =
                "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(PAGE_UPLOADS);
        if (pageUpload && request.getContentLengthLong() < 0) {
            // the container parses a form's files to read its CSRF token, before anyone is known to
            // be allowed: only a declared length can be refused unread (browsers always declare it)
            problems.write(
                    request,
                    response,
                    HttpStatus.LENGTH_REQUIRED,
                    "Length required",
                    "a form with files is taken only with its Content-Length");
            return;
        }
        if (pageUpload && !signedIn(request)) {
            // nobody signed in: the form will be refused, and its files are not worth parsing first
            limit = limits.of("GET", request.getRequestURI(), importLimit);
        }
        if (request.getContentLengthLong() > limit) {
            // the client is told not to send the rest on this connection
            response.setHeader("Connection", "close");
            if (pageUpload) {
                // a person sent it from the import page: a page that says so, which also audits it
                String upload = request.getRequestURI().substring(PAGE_UPLOADS.length());
                response.sendRedirect(request.getContextPath() + PAGE_UPLOADS + "too-large?upload="
                        + (upload.matches("[a-z]{1,16}") ? upload : ""));
                return;
            }
            problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    new BodyTooLargeException(limit).getMessage());
            return;
        }
        var undecodable = new ArrayList<String>();
        var parameters = queryParameters(request.getQueryString(), undecodable::add);
        if (!undecodable.isEmpty()) {
            // refused here, not left to the container, whose decoding failure is a logged stack trace
            String name = printable(undecodable.get(0));
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "query parameter " + name + ": is not UTF-8 text in percent-encoding",
                    Map.of("field", name));
            return;
        }
        for (Map.Entry<String, String> p : parameters) {
            String problem = FreeText.unreadable(p.getValue(), false);
            if (problem == null) {
                problem = FreeText.unreadable(p.getKey(), false);
            }
            if (problem != null) {
                problems.write(
                        request,
                        response,
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        "query parameter " + printable(p.getKey()) + ": " + problem,
                        Map.of("field", printable(p.getKey())));
                return;
            }
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** Whether the request belongs to a session someone has signed in to (whose role is checked later). */
    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().isAuthenticated();
    }

    /** The query string's parameters, decoded as the servlet container decodes them (UTF-8). */
    static List<Map.Entry<String, String>> queryParameters(String query) {
        return queryParameters(query, name -> {});
    }

    /**
     * As {@link #queryParameters(String)}, handing the raw name of each parameter that is not
     * UTF-8 in percent-encoding (a bad escape, bytes that are no character) to {@code undecodable}.
     */
    static List<Map.Entry<String, String>> queryParameters(String query, Consumer<String> undecodable) {
        var parameters = new ArrayList<Map.Entry<String, String>>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                parameters.add(Map.entry(strictlyDecoded(name), strictlyDecoded(value)));
            } catch (IllegalArgumentException | CharacterCodingException notText) {
                undecodable.accept(name);
            }
        }
        return parameters;
    }

    /** Percent-decoding that refuses what {@link java.net.URLDecoder} would quietly turn into U+FFFD. */
    private static String strictlyDecoded(String encoded) throws CharacterCodingException {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
    }

    private static String printable(String name) {
        String clean = name.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }

    /** The request with its body bounded: reading past the limit throws {@link BodyTooLargeException}. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream in;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BoundedStream(super.getInputStream(), limit);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(
                        getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
            }
            return reader;
        }
    }

    /** The servlet's stream counted by the engines' {@link BoundedInputStream}, its overrun made unchecked. */
    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final BoundedInputStream bounded;

        BoundedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.bounded = new BoundedInputStream(in, limit);
        }

        @Override
        public int read() throws IOException {
            try {
                return bounded.read();
            } catch (BoundedInputStream.LimitExceeded e) {
                throw new BodyTooLargeException(e.limit());
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            try {
                return bounded.read(buf, off, len);
            } catch (BoundedInputStream.LimitExceeded e) {
                throw new BodyTooLargeException(e.limit());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
