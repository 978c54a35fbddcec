package dev.paydesk.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.options.FilePayload;

import dev.paydesk.BrowserTestSupport;
import dev.paydesk.platform.internal.UserService;

/**
 * Files on an article in Chromium: the author uploads an image in the editor, pastes the Markdown it is given, and
 * the article shows the image; a mislabelled file is refused with a readable message; deleting asks first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KnowledgeFilesBrowserTests extends BrowserTestSupport {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void anAuthorUploadsAnImageShowsItInTheArticleAndDeletesIt() throws IOException {
        String author = unique("process_manager");
        asSystem(() -> users.create(new UserService.UserSpec(author, author, null, List.of("PROCESS_MANAGER"), List.of(), true),
                PASSWORD, false));
        String id = unique("files-browser").toLowerCase().replaceAll("[^a-z0-9-]", "-");

        signIn(author, PASSWORD);
        page.navigate(url("/knowledge/new"));
        page.locator("input[name=id]").fill(id);
        page.locator("input[name=title]").fill("iDEAL refund screens");
        page.locator("textarea[name=body]").fill("The bank app shows the refund like this:");
        page.locator("form[action$='/knowledge/articles'] button[type=submit]").click();
        page.navigate(url("/knowledge/articles/" + id + "/edit"));

        page.locator("[data-file-upload] input[type=file]").setInputFiles(new FilePayload("fake.png", "image/png",
                "not an image".getBytes(StandardCharsets.UTF_8)));
        page.locator("[data-file-upload] button[type=submit]").click();
        assertThat(page.locator(".alert-error")).containsText("says it is image/png");

        page.locator("[data-file-upload] input[type=file]").setInputFiles(new FilePayload("bank app.png", "image/png", png()));
        page.locator("[data-file-upload] button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("bank app.png was uploaded");
        String markdown = page.locator("#knowledge-files code").first().textContent();
        assertThat(markdown).matches("!\\[bank app\\.png]\\(files/[0-9a-f-]{36}\\)");
        var body = page.locator("textarea[name=body]");
        body.fill(body.inputValue() + "\n\n" + markdown);
        page.locator("form[action$='/knowledge/articles'] button[type=submit]").click();

        assertThat(page).hasURL(Pattern.compile("/knowledge/articles/" + id + "$"));
        var image = page.locator("article.knowledge-body img");
        assertThat(image).hasAttribute("src", Pattern.compile("^/knowledge/files/[0-9a-f-]{36}$"));
        page.waitForFunction("() => { const i = document.querySelector('article.knowledge-body img');"
                + " return i && i.complete && i.naturalWidth === 2; }");

        page.locator("#knowledge-files form button").click();
        assertThat(page.locator("#confirm-message")).containsText("Delete bank app.png");
        page.locator("#confirm-ok").click();
        assertThat(page.locator(".alert-success")).containsText("bank app.png was deleted");
        assertThat(page.locator("#knowledge-files [data-file]")).hasCount(0);
    }

    /** A real 2×1 PNG, so the browser decodes it. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF6600);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
