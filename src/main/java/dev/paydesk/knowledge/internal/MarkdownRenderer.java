package dev.paydesk.knowledge.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML: commonmark renders with raw HTML escaped and unsafe link targets dropped, and
 * jsoup's {@link Safelist} cleans the result again (no script, no event handlers, no
 * {@code javascript:} or {@code data:} URLs, images only from the article's own files), so an editor's input never reaches a page as raw HTML.
 */
public final class MarkdownRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img").addTags("img")
            .addAttributes("img", "alt", "title", "src")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .preserveRelativeLinks(true);
    /** Where relative URLs are resolved while cleaning; never in the output. */
    private static final String BASE = "https://paydesk.invalid/knowledge/articles/";
    /** An uploaded file of an article, as Markdown refers to it ({@code files/<id>}) or as it is served. */
    private static final Pattern OWN_FILE = Pattern.compile(
            "(?:/knowledge/)?files/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    private MarkdownRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return sanitise(html);
    }

    /**
     * Cleans HTML from any source against the safelist. Images show only the article's own uploaded files
     * ({@code files/<id>} or {@code /knowledge/files/<id>}, served as {@code /knowledge/files/<id>}); any other
     * image (another site, {@code data:}, {@code javascript:}) is replaced by its alt text. A relative link is kept
     * only when it is an uploaded file.
     */
    public static String sanitise(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element img : clean.body().select("img")) {
            String own = ownFile(img.attr("src"));
            if (own == null) {
                img.replaceWith(new TextNode(img.attr("alt")));
            } else {
                img.attr("src", own);
            }
        }
        for (Element a : clean.body().select("a[href]")) {
            String href = a.attr("href").strip();
            if (!href.contains(":")) {
                String own = ownFile(href);
                if (own == null) {
                    a.removeAttr("href");
                } else {
                    a.attr("href", own);
                }
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static @Nullable String ownFile(String url) {
        Matcher m = OWN_FILE.matcher(url.strip());
        return m.matches() ? ArticleFiles.URL_PREFIX + m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** Plain text for the search index and snippets: the rendered, sanitised HTML without tags. */
    public static String toPlainText(String markdown) {
        return Jsoup.parse(toSafeHtml(markdown)).text();
    }
}
