package dev.paydesk.knowledge.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.paydesk.knowledge.internal.ArticleFiles;

/**
 * How an article's file is served: its stored type, never sniffed ({@code nosniff}), in a sandbox with no active
 * content, inline only for png, jpeg, gif and webp, as a download otherwise (SVG and HTML are never accepted).
 */
final class FileResponses {

    private FileResponses() {
    }

    static ResponseEntity<byte[]> of(ArticleFiles.Content content) {
        ArticleFiles.FileView f = content.file();
        MediaType type = MediaType.parseMediaType(f.contentType());
        if (f.contentType().startsWith("text/")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        ContentDisposition disposition = (f.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(f.filename(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .eTag(f.sha256())
                .body(content.bytes());
    }
}
