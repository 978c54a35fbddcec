package dev.paydesk.knowledge.internal;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML: commonmark renders with raw HTML escaped and unsafe link targets dropped, and
 * jsoup's {@link Safelist} cleans the result again (no script, no event handlers, no
 * {@code javascript:} or {@code data:} URLs), so an editor's input never reaches a page as raw HTML.
 */
public final class MarkdownRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img").addTags("img")
            .addAttributes("img", "alt", "title", "src")
            .addProtocols("img", "src", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private MarkdownRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return sanitise(html);
    }

    /** Cleans HTML from any source against the safelist. */
    public static String sanitise(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Plain text for the search index and snippets: the rendered, sanitised HTML without tags. */
    public static String toPlainText(String markdown) {
        return Jsoup.parse(toSafeHtml(markdown)).text();
    }
}
