package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** What in an HTML fragment could run in a browser: dangerous elements, event handlers, styles, non-web URLs. */
public final class SafeHtml {

    private static final Set<String> DANGEROUS = Set.of("script", "iframe", "object", "embed", "svg", "math", "form",
            "input", "meta", "link", "style", "base", "details", "body");

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
                if ((key.equals("href") || key.equals("src")) && !(value.startsWith("https:") || value.startsWith("http:")
                        || value.startsWith("mailto:"))) {
                    unsafe.add(key + "=" + value);
                }
            }
        }
        return unsafe;
    }
}
