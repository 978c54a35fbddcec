package dev.paydesk.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import dev.paydesk.platform.PanBoundary;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A multipart request resolved at the boundary, so Spring MVC binds the redacted one: text parts are
 * parameters (redacted by {@link PanRequestFilter}), file names pass as text, and the content of a
 * text file (text/*, CSV, XML, JSON) is redacted line by line when it is read. Binary files (PDF,
 * images) pass unchanged.
 */
final class RedactedMultipart extends PanRequestFilter.Redacted implements MultipartHttpServletRequest {

    private static final Set<String> TEXT_TYPES = Set.of("application/csv", "application/xml", "application/json",
            "application/x-ndjson");

    private @Nullable MultipartHttpServletRequest source;

    RedactedMultipart(HttpServletRequest request, PanBoundary boundary) {
        super(request, boundary);
    }

    /** The files as the container (or a test's mock request) has them, resolved on first use. */
    private MultipartHttpServletRequest source() {
        if (source == null) {
            MultipartHttpServletRequest already = WebUtils.getNativeRequest(getRequest(), MultipartHttpServletRequest.class);
            source = already != null ? already : new StandardMultipartHttpServletRequest(this, true);
        }
        return source;
    }

    private @Nullable MultipartFile redacted(@Nullable MultipartFile file) {
        return file == null ? null : new RedactedFile(file, boundary);
    }

    @Override
    public Iterator<String> getFileNames() {
        return source().getFileNames();
    }

    @Override
    public @Nullable MultipartFile getFile(String name) {
        return redacted(source().getFile(name));
    }

    @Override
    public List<MultipartFile> getFiles(String name) {
        return source().getFiles(name).stream().map(f -> (MultipartFile) new RedactedFile(f, boundary)).toList();
    }

    @Override
    public Map<String, MultipartFile> getFileMap() {
        Map<String, MultipartFile> out = new LinkedHashMap<>();
        source().getFileMap().forEach((name, file) -> out.put(name, new RedactedFile(file, boundary)));
        return out;
    }

    @Override
    public MultiValueMap<String, MultipartFile> getMultiFileMap() {
        MultiValueMap<String, MultipartFile> out = new LinkedMultiValueMap<>();
        source().getMultiFileMap().forEach((name, files) -> files.forEach(f -> out.add(name, new RedactedFile(f, boundary))));
        return out;
    }

    @Override
    public @Nullable String getMultipartContentType(String paramOrFileName) {
        return source().getMultipartContentType(paramOrFileName);
    }

    @Override
    public HttpMethod getRequestMethod() {
        return HttpMethod.valueOf(getMethod());
    }

    @Override
    public HttpHeaders getRequestHeaders() {
        return source().getRequestHeaders();
    }

    @Override
    public @Nullable HttpHeaders getMultipartHeaders(String paramOrFileName) {
        return source().getMultipartHeaders(paramOrFileName);
    }

    /** An uploaded file whose name and (for text) content passed the boundary. */
    private record RedactedFile(MultipartFile file, PanBoundary boundary) implements MultipartFile {

        private boolean isText() {
            String type = file.getContentType();
            if (type == null) {
                return false;
            }
            String bare = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            return bare.startsWith("text/") || TEXT_TYPES.contains(bare) || bare.endsWith("+xml") || bare.endsWith("+json");
        }

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public @Nullable String getOriginalFilename() {
            return boundary.textOrNull(file.getOriginalFilename());
        }

        @Override
        public @Nullable String getContentType() {
            return file.getContentType();
        }

        @Override
        public boolean isEmpty() {
            return file.isEmpty();
        }

        @Override
        public long getSize() {
            return file.getSize();
        }

        @Override
        public byte[] getBytes() throws IOException {
            return isText() ? boundary.bytes(file.getBytes()) : file.getBytes();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return isText() ? boundary.stream(file.getInputStream()) : file.getInputStream();
        }

        @Override
        public void transferTo(File dest) throws IOException {
            transferTo(dest.toPath());
        }

        @Override
        public void transferTo(Path dest) throws IOException {
            try (InputStream in = getInputStream()) {
                Files.copy(in, dest);
            }
        }
    }

}
