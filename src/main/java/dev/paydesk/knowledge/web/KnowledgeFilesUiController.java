package dev.paydesk.knowledge.web;

import java.io.IOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.knowledge.internal.ArticleFiles;
import dev.paydesk.knowledge.internal.FileRules;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/**
 * Files on articles in the UI: served at {@code /knowledge/files/<id>} (where Markdown images point), uploaded from
 * the article's editor, deleted (after confirmation) from the article page. A refused upload returns to the editor
 * with the reason in the reader's language.
 */
@Controller
@CaseWorkerOrAuditor
class KnowledgeFilesUiController {

    private final ArticleFiles files;
    private final MessageSource messages;

    KnowledgeFilesUiController(ArticleFiles files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    @GetMapping(ArticleFiles.URL_PREFIX + "{fileId}")
    ResponseEntity<byte[]> content(@PathVariable UUID fileId) {
        return FileResponses.of(files.content(null, fileId));
    }

    @PostMapping(path = "/knowledge/articles/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ProcessManagerOrAdmin
    String upload(@PathVariable String id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            ArticleFiles.FileView saved = files.upload(id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), bytes);
            redirect.addFlashAttribute("flash", text("knowledge.files.uploaded", saved.filename(), saved.markdown()));
        } catch (FileRules.Refused e) {
            redirect.addFlashAttribute("error", text("knowledge.files.refused." + e.code(), e.args()));
        }
        return "redirect:/knowledge/articles/" + id + "/edit";
    }

    @PostMapping("/knowledge/articles/{id}/files/{fileId}/delete")
    @ProcessManagerOrAdmin
    String delete(@PathVariable String id, @PathVariable UUID fileId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", text("knowledge.files.deleted", files.delete(id, fileId).filename()));
        return "redirect:/knowledge/articles/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
