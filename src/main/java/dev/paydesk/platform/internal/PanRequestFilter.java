package dev.paydesk.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import dev.paydesk.platform.PanBoundary;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands every later filter and controller a request whose strings passed the card-number boundary:
 * query and form parameters (which Spring binds to {@code @RequestParam}, {@code @ModelAttribute}
 * and form records, and through which multipart text parts arrive), uploaded files (their names,
 * and the content of text files line by line, see {@link RedactedMultipart}), the path
 * (so path variables are redacted; a path segment that is a card number becomes its key, so lookups
 * by such a reference still find it) and the {@code Idempotency-Key} header. Passwords and the CSRF
 * token are left alone (see {@link PanBoundary}); JSON bodies are redacted by the Jackson module.
 */
final class PanRequestFilter extends OncePerRequestFilter {

    /** Headers Paydesk reads as data. */
    private static final Set<String> DATA_HEADERS = Set.of("idempotency-key");

    private final PanBoundary boundary;

    PanRequestFilter(PanBoundary boundary) {
        this.boundary = boundary;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(isMultipart(request) ? new RedactedMultipart(request, boundary) : new Redacted(request, boundary),
                response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static class Redacted extends HttpServletRequestWrapper {

        final PanBoundary boundary;
        private @Nullable Map<String, String[]> parameters;

        Redacted(HttpServletRequest request, PanBoundary boundary) {
            super(request);
            this.boundary = boundary;
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> redacted = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] out = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        out[i] = values[i] == null ? null : boundary.named(name, values[i]);
                    }
                    redacted.put(boundary.text(name), out);
                });
                parameters = Collections.unmodifiableMap(redacted);
            }
            return parameters;
        }

        @Override
        public @Nullable String getQueryString() {
            String query = super.getQueryString();
            return query == null ? null : boundary.text(query);
        }

        @Override
        public String getRequestURI() {
            return encodedPath(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(boundary.text(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            return decodedPath(super.getServletPath());
        }

        @Override
        public @Nullable String getPathInfo() {
            String info = super.getPathInfo();
            return info == null ? null : decodedPath(info);
        }

        @Override
        public @Nullable String getHeader(String name) {
            String value = super.getHeader(name);
            return value != null && isDataHeader(name) ? boundary.key(value) : value;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            Enumeration<String> values = super.getHeaders(name);
            if (!isDataHeader(name) || values == null) {
                return values;
            }
            List<String> out = new ArrayList<>();
            values.asIterator().forEachRemaining(v -> out.add(boundary.key(v)));
            return Collections.enumeration(out);
        }

        private static boolean isDataHeader(String name) {
            return DATA_HEADERS.contains(name.toLowerCase(Locale.ROOT));
        }

        /** The raw path with each segment that holds a card number redacted and encoded again. */
        private String encodedPath(String raw) {
            if (!mayHoldPan(raw)) {
                return raw;
            }
            String[] segments = raw.split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                String decoded = UriUtils.decode(segments[i], StandardCharsets.UTF_8);
                String redacted = boundary.text(decoded);
                if (!redacted.equals(decoded)) {
                    segments[i] = UriUtils.encodePathSegment(redacted, StandardCharsets.UTF_8);
                }
            }
            return String.join("/", segments);
        }

        private String decodedPath(String decoded) {
            if (!mayHoldPan(decoded)) {
                return decoded;
            }
            String[] segments = decoded.split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                segments[i] = boundary.text(segments[i]);
            }
            return String.join("/", segments);
        }

        private static boolean mayHoldPan(String path) {
            int digits = 0;
            for (int i = 0; i < path.length(); i++) {
                if (Character.isDigit(path.charAt(i)) && ++digits >= 13) {
                    return true;
                }
            }
            return false;
        }
    }
}
