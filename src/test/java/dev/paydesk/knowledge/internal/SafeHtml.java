package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What in an HTML fragment could run in a browser or load from elsewhere: dangerous elements, event handlers, styles,
 * links that are not web or mail URLs, and any source but the app's own uploaded files.
 */
public final class SafeHtml {

    private static final Set<String> DANGEROUS = Set.of("script", "iframe", "object", "embed", "svg", "math", "form",
            "input", "meta", "link", "style", "base", "details", "body");

    /** The app's own uploaded files, the only images an article shows. */
    private static final java.util.regex.Pattern OWN_FILE = java.util.regex.Pattern.compile(
            "/knowledge/files/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private SafeHtml() {
    }

    public static List<String> unsafeParts(String html) {
        List<String> unsafe = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (e.tagName().equals("body")) {
                continue;
            }
            if (DANGEROUS.contains(e.tagName())) {
                unsafe.add("<" + e.tagName() + ">");
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().trim().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style")) {
                    unsafe.add(key);
                }
                boolean web = key.equals("href") && (value.startsWith("https:") || value.startsWith("http:")
                        || value.startsWith("mailto:"));
                if ((key.equals("href") || key.equals("src")) && !web && !OWN_FILE.matcher(value).matches()) {
                    unsafe.add(key + "=" + value);
                }
            }
        }
        return unsafe;
    }
}
