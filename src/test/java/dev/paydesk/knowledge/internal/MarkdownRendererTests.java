package dev.paydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Script and event-handler HTML in Markdown never reaches a page. Vectors from the OWASP XSS Filter
 * Evasion Cheat Sheet (owasp.org/www-community/xss-filter-evasion-cheatsheet) and Markdown-specific
 * link and image tricks.
 */
class MarkdownRendererTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<iframe src=\"javascript:alert('XSS');\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](javascript:alert(1))",
        "![x](https://img.example/a.png\"onerror=\"alert(1))",
        "[a](<javascript:alert(1)>)",
        "<details open ontoggle=alert(1)>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        // images: only the article's own files (issue 16, files on articles)
        "![x](files/00000000-0000-0000-0000-000000000001\"onerror=\"alert(1))",
        "![x](files/00000000-0000-0000-0000-000000000001 \"t\" onerror=alert(1))",
        "<img src=\"/knowledge/files/00000000-0000-0000-0000-000000000001\" onerror=\"alert(1)\">",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](data:image/png;base64,iVBORw0KGgo=)",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "![x](javascript:alert(1)//files/00000000-0000-0000-0000-000000000001)",
        "![x](https://evil.example/knowledge/files/00000000-0000-0000-0000-000000000001)",
        "![x](//evil.example/knowledge/files/00000000-0000-0000-0000-000000000001)",
        "![x](/knowledge/files/00000000-0000-0000-0000-000000000001/../../../logout)",
        "[doc](files/../../admin)",
        "<img srcset=\"javascript:alert(1)\" src=x>"
    })
    void knownXssVectorsAreNeutralised(String markdown) {
        String html = MarkdownRenderer.toSafeHtml(markdown);
        assertThat(SafeHtml.unsafeParts(html)).as(html).isEmpty();
        assertThat(SafeHtml.unsafeParts(MarkdownRenderer.sanitise(markdown))).as("raw HTML through the sanitiser alone").isEmpty();
    }

    @Test
    void theCheckItselfSpotsUnsafeHtml() {
        assertThat(SafeHtml.unsafeParts("<p onclick=x>a</p><a href=\"javascript:x\">b</a><script></script>"))
                .containsExactly("onclick", "href=javascript:x", "<script>");
    }

    @Test
    void ordinaryMarkdownStaysFormatted() {
        String html = MarkdownRenderer.toSafeHtml("# Klarna refund\n\n1. Check the **capture**\n2. [Docs](https://docs.klarna.com)\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertThat(html).contains("<h1>Klarna refund</h1>", "<ol>", "<strong>capture</strong>",
                "href=\"https://docs.klarna.com\"", "<table>", "<td>1</td>");
    }

    @Test
    void imagesShowOnlyTheArticlesOwnFiles() {
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(MarkdownRenderer.toSafeHtml("![Klarna app](files/" + id + ")"))
                .contains("<img src=\"/knowledge/files/" + id + "\" alt=\"Klarna app\">");
        assertThat(MarkdownRenderer.toSafeHtml("![Klarna app](/knowledge/files/" + id.toUpperCase(java.util.Locale.ROOT) + ")"))
                .contains("<img src=\"/knowledge/files/" + id + "\"");
        assertThat(MarkdownRenderer.toSafeHtml("[the form](files/" + id + ")")).contains("href=\"/knowledge/files/" + id + "\"");
        String external = MarkdownRenderer.toSafeHtml("![tracking pixel](https://img.example/a.png)");
        assertThat(external).doesNotContain("<img").contains("tracking pixel");
        assertThat(MarkdownRenderer.toSafeHtml("[relative](other-page)")).doesNotContain("href");
    }

    @Test
    void rawHtmlIsShownAsTextNotRun() {
        assertThat(MarkdownRenderer.toSafeHtml("before <b onclick=x()>bold</b> after"))
                .contains("&lt;b onclick=x()&gt;").doesNotContain("<b ");
    }

    @Test
    void plainTextDropsMarkup() {
        assertThat(MarkdownRenderer.toPlainText("# Title\n\nSome *text* <script>x</script>")).isEqualTo("Title Some text <script>x</script>");
    }
}
