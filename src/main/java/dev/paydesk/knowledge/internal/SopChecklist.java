package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checklist section of an SOP article: the list items under a heading named "Checklist" (or
 * "Checkliste", "Steps", "Schritte") up to the next heading, in order. Its explanation is the rest of the
 * article. Markdown is read line by line; a list item's continuation lines join its text.
 */
public final class SopChecklist {

    public static final String HEADING = "Checklist";
    private static final Set<String> NAMES = Set.of("checklist", "checkliste", "steps", "schritte");
    private static final Pattern HEADING_LINE = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern ITEM = Pattern.compile("^\\s{0,3}(?:[-*+]|\\d{1,3}[.)])\\s+(?:\\[[ xX]]\\s+)?(.*)$");

    private SopChecklist() {
    }

    public static List<String> steps(String markdown) {
        List<String> steps = new ArrayList<>();
        boolean inside = false;
        for (String line : markdown.split("\\R")) {
            Matcher heading = HEADING_LINE.matcher(line);
            if (heading.matches()) {
                if (inside) {
                    break;
                }
                inside = NAMES.contains(heading.group(1).trim().toLowerCase(Locale.ROOT));
                continue;
            }
            if (!inside || line.isBlank()) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                steps.add(item.group(1).trim());
            } else if (!steps.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                steps.set(steps.size() - 1, steps.get(steps.size() - 1) + " " + line.trim());
            }
        }
        return steps.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** An SOP article's Markdown: the explanation, then the numbered checklist. */
    public static String markdown(String explanation, List<String> steps) {
        StringBuilder sb = new StringBuilder(explanation.strip()).append("\n\n## ").append(HEADING).append("\n\n");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(i + 1).append(". ").append(steps.get(i).strip()).append('\n');
        }
        return sb.toString();
    }
}
