package dev.paydesk.knowledge.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.paydesk.knowledge.internal.ArticleFiles;
import dev.paydesk.knowledge.internal.FileRules;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Images and files on articles: readers list and download them, process managers and administrators upload and delete. */
@RestController
@RequestMapping("/api/v1/knowledge/articles/{id}/files")
@Tag(name = "Knowledge")
@CaseWorkerOrAuditor
class KnowledgeFilesApiController {

    private final ArticleFiles files;

    KnowledgeFilesApiController(ArticleFiles files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload an image (png, jpeg, gif, webp) or file (pdf, text, csv, Markdown) to an article; "
            + "413 above paydesk.knowledge.max-file-size, 400 when empty, mislabelled or text with a card number")
    ArticleFiles.FileView upload(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        return files.upload(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping
    @Operation(summary = "An article's files (sort: uploaded, name, type, size), with the Markdown that shows each")
    List<ArticleFiles.FileView> list(@PathVariable String id, @RequestParam(defaultValue = "uploaded") String sort) {
        return files.list(id, sort);
    }

    @GetMapping("/{fileId}")
    @Operation(summary = "A file's content: inline for png, jpeg, gif and webp, a download otherwise; nosniff")
    ResponseEntity<byte[]> content(@PathVariable String id, @PathVariable UUID fileId) {
        return FileResponses.of(files.content(id, fileId));
    }

    @DeleteMapping("/{fileId}")
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a file from an article (audited)")
    void delete(@PathVariable String id, @PathVariable UUID fileId) {
        files.delete(id, fileId);
    }

    /** A file above the configured limit: 413 problem+json; other refusals are 400 like all invalid input. */
    @ExceptionHandler(FileRules.Refused.class)
    ResponseEntity<ProblemDetail> refused(FileRules.Refused e, HttpServletRequest request) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setType(URI.create("https://paydesk.dev/problems/" + (e.tooLarge() ? "file-too-large" : "invalid-input")));
        p.setTitle(e.tooLarge() ? "File too large" : "Invalid input");
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("field", e.field());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
