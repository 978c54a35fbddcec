package dev.paydesk.knowledge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** A line-by-line diff between two versions of an article's Markdown, readable as rows and as unified text. */
public record VersionDiff(int from, int to, List<Line> lines) {

    public enum Kind { SAME, ADDED, REMOVED }

    /** One line of the diff with its line numbers in the old and new text (0 where it has none). */
    public record Line(Kind kind, int oldNumber, int newNumber, String text) {
    }

    public static VersionDiff between(int from, String oldText, int to, String newText) {
        List<String> a = split(oldText);
        List<String> b = split(newText);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            while (i < delta.getSource().getPosition()) {
                lines.add(new Line(Kind.SAME, i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String removed : delta.getSource().getLines()) {
                lines.add(new Line(Kind.REMOVED, ++i, 0, removed));
            }
            for (String added : delta.getTarget().getLines()) {
                lines.add(new Line(Kind.ADDED, 0, ++j, added));
            }
        }
        while (i < a.size()) {
            lines.add(new Line(Kind.SAME, i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return new VersionDiff(from, to, List.copyOf(lines));
    }

    public long added() {
        return lines.stream().filter(l -> l.kind() == Kind.ADDED).count();
    }

    public long removed() {
        return lines.stream().filter(l -> l.kind() == Kind.REMOVED).count();
    }

    /** "+ line", "- line", "  line": the changed lines with the unchanged ones around them. */
    public String unified() {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            sb.append(switch (line.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case SAME -> "  ";
            }).append(line.text()).append('\n');
        }
        return sb.toString();
    }

    private static List<String> split(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n", -1));
    }
}
