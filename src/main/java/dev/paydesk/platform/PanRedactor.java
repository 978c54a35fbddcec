package dev.paydesk.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds payment card numbers (PANs) in free text and masks them to first six / last four digits,
 * keeping separators where they were: {@code 4111 1111 1111 1111} becomes
 * {@code 4111 11** **** 1111}. The detector behind {@link PanBoundary}, through which every string
 * that enters Paydesk passes.
 *
 * <p>A PAN is 13 to 19 digits, written as one run or as groups joined by single spaces, dashes or
 * dots, Luhn-valid, with an issuer prefix and length that a card scheme actually issues. Left alone:
 * digits glued to letters (IBANs such as {@code DE89 3704 …}, order ids such as {@code ORD-…}; only
 * the glued group is left out of a longer run), the first group after a {@code +} (a phone number's
 * country code; a card laid out after it is still masked), Luhn-invalid runs and everything shorter than 13
 * digits (dates, amounts, most order numbers). Linear scans (a masked text is scanned again until
 * nothing is found); texts without 13 digits return at
 * once.
 */
public final class PanRedactor {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int KEEP_FIRST = 6;
    private static final int KEEP_LAST = 4;

    private PanRedactor() {
    }

    /** The text with every card number masked (the same instance when there is none). */
    public static String redact(String text) {
        return scan(text).text();
    }

    /** Whether the text contains at least one card number. */
    public static boolean containsPan(String text) {
        return scan(text).masked() > 0;
    }

    /**
     * Masks every card number.
     *
     * @return the masked text and how many numbers were masked
     */
    public static Redaction scan(String text) {
        String current = text;
        int masked = 0;
        // the digits a mask keeps can join neighbouring digits into a number of their own: scan until
        // nothing is left (every round masks at least one digit, so this ends)
        for (List<Span> spans = find(current); !spans.isEmpty(); spans = find(current)) {
            char[] source = current.toCharArray();
            char[] out = current.toCharArray();
            for (Span span : spans) {
                mask(source, out, span.start(), span.end());
            }
            current = new String(out);
            masked += spans.size();
        }
        return new Redaction(current, masked);
    }

    /** Where the card numbers are, left to right (empty when there is none). */
    public static List<Span> find(String text) {
        if (!hasEnoughDigits(text)) {
            return List.of();
        }
        List<Span> found = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int shortRunEnd = shortRunEnd(text, i);
            if (shortRunEnd >= 0) {
                i = shortRunEnd;
                continue;
            }
            List<int[]> groups = new ArrayList<>();
            int end = readRun(text, i, groups);
            boolean phone = i > 0 && text.charAt(i - 1) == '+';
            for (int[] span : findPans(text, unglued(text, i, end, groups), phone)) {
                found.add(new Span(span[0], span[1]));
            }
            i = end;
        }
        return found;
    }

    /** A card number's place in a text: {@code [start, end)}, separators included. */
    public record Span(int start, int end) {
    }

    /** The masked form of a card number written with or without separators, e.g. {@code 4111 11** **** 1111}. */
    public static String mask(String pan) {
        char[] out = pan.toCharArray();
        mask(pan.toCharArray(), out, 0, out.length);
        return new String(out);
    }

    /** The result of a scan. */
    public record Redaction(String text, int masked) {
    }

    private static boolean hasEnoughDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i)) && ++digits >= MIN_DIGITS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a run of fewer than 13 digits starting at {@code start} ends, or -1 when the run is long
     * enough to hold a card number; the cheap first look that spares the common short runs any work.
     */
    private static int shortRunEnd(String text, int start) {
        int n = text.length();
        int j = start;
        int digits = 0;
        while (true) {
            while (j < n && isDigit(text.charAt(j))) {
                j++;
                digits++;
            }
            if (j + 1 < n && isSeparator(text.charAt(j)) && isDigit(text.charAt(j + 1))) {
                j++;
            } else {
                return digits < MIN_DIGITS ? j : -1;
            }
        }
    }

    /** Reads digit groups joined by single separators; returns the index after the run. */
    private static int readRun(String text, int start, List<int[]> groups) {
        int n = text.length();
        int j = start;
        while (true) {
            int groupStart = j;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            groups.add(new int[] {groupStart, j});
            if (j + 1 < n && isSeparator(text.charAt(j)) && isDigit(text.charAt(j + 1))) {
                j++;
            } else {
                return j;
            }
        }
    }

    /**
     * The groups of a run that can hold a card number: a group glued to a word belongs to the word
     * ({@code camt053 4111 1111 1111 1111} keeps {@code 053} out, {@code …1111-3a} keeps {@code 3});
     * after a {@code +} the first group is a phone number's country code and stays out; nothing when
     * the run is an IBAN with its country code, follows an {@code @} (an e-mail domain) or a
     * {@code *} (a mask).
     */
    private static List<int[]> unglued(String text, int start, int end, List<int[]> groups) {
        List<int[]> candidates = groups;
        if (gluedLeft(text, start)) {
            char before = text.charAt(start - 1);
            if (before == '@' || before == '*' || before != '+' && isIban(text, start, end)) {
                return List.of();
            }
            candidates = candidates.subList(1, candidates.size());
        }
        if (!candidates.isEmpty() && gluedRight(text, end)) {
            candidates = candidates.subList(0, candidates.size() - 1);
        }
        return candidates;
    }

    /** A run continuing a word into an IBAN ({@code DE89 3704 0044 0532 0130 00}, ISO 13616 mod 97). */
    private static boolean isIban(String text, int start, int end) {
        int word = start;
        while (word > 0 && Character.isLetterOrDigit(text.charAt(word - 1))) {
            word--;
        }
        StringBuilder compact = new StringBuilder();
        for (int k = word; k < end; k++) {
            char c = text.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                compact.append(Character.toUpperCase(c));
            }
        }
        String iban = compact.toString();
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int mod = 0;
        for (int k = 0; k < rearranged.length(); k++) {
            char c = rearranged.charAt(k);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            mod = (value > 9 ? mod * 100 + value : mod * 10 + value) % 97;
        }
        return mod == 1;
    }

    /**
     * A run that is a card number as a whole is one. Otherwise (a card number typed right after a
     * date or a reference, or followed by {@code -1}) the greedy left-to-right search accepts only
     * windows laid out like a card: one group, 4-4-4-4 with a shorter last group, or the Amex/Diners
     * 4-6-5 and 4-6-4. After a phone number's country code ({@code phone}) the rest of the run is
     * never judged as a whole: only such windows count. Windows may overlap (two numbers sharing a
     * group): each is masked, none left readable.
     */
    private static List<int[]> findPans(String text, List<int[]> groups, boolean phone) {
        if (groups.isEmpty()) {
            return List.of();
        }
        String whole = digitsOf(text, groups, 0, groups.size());
        if (!phone && whole.length() >= MIN_DIGITS && whole.length() <= MAX_DIGITS && isPlausiblePan(whole)) {
            return List.of(new int[] {groups.get(0)[0], groups.get(groups.size() - 1)[1]});
        }
        if (whole.length() < MIN_DIGITS || !phone && (groups.size() == 1
                || whole.length() <= MAX_DIGITS && isCardLayout(text, groups, 0, groups.size()))) {
            return List.of();
        }
        List<int[]> found = new ArrayList<>();
        int a = 0;
        while (a < groups.size()) {
            int matchedTo = -1;
            for (int b = groups.size(); b > a && matchedTo < 0; b--) {
                String digits = digitsOf(text, groups, a, b);
                if (digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS
                        && isCardLayout(text, groups, a, b) && isPlausiblePan(digits)) {
                    matchedTo = b;
                }
            }
            if (matchedTo > 0) {
                found.add(new int[] {groups.get(a)[0], groups.get(matchedTo - 1)[1]});
            }
            a++;
        }
        return found;
    }

    private static boolean isCardLayout(String text, List<int[]> groups, int from, int to) {
        int count = to - from;
        if (count == 1) {
            return true;
        }
        char separator = text.charAt(groups.get(from)[1]);
        int[] sizes = new int[count];
        for (int g = 0; g < count; g++) {
            int[] span = groups.get(from + g);
            sizes[g] = span[1] - span[0];
            if (g > 0 && text.charAt(span[0] - 1) != separator) {
                return false;
            }
        }
        if (count == 3 && sizes[0] == 4 && sizes[1] == 6 && (sizes[2] == 5 || sizes[2] == 4)) {
            return true;
        }
        // 13-digit Visa numbers are written 4-4-5 or 4-3-3-3
        if (count == 3 && sizes[0] == 4 && sizes[1] == 4 && sizes[2] == 5
                || count == 4 && sizes[0] == 4 && sizes[1] == 3 && sizes[2] == 3 && sizes[3] == 3) {
            return true;
        }
        for (int g = 0; g < count - 1; g++) {
            if (sizes[g] != 4) {
                return false;
            }
        }
        // a one-digit last group is a suffix (STMT 2221-6908-4486-5029-1), not the end of a 17-digit card
        return sizes[count - 1] >= 2 && sizes[count - 1] <= 4;
    }

    private static String digitsOf(String text, List<int[]> groups, int from, int to) {
        if (to - from == 1) {
            return text.substring(groups.get(from)[0], groups.get(from)[1]);
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS + 8);
        for (int g = from; g < to && digits.length() <= MAX_DIGITS; g++) {
            digits.append(text, groups.get(g)[0], groups.get(g)[1]);
        }
        return digits.toString();
    }

    /** Luhn-valid with an issuer prefix and length a scheme issues. */
    static boolean isPlausiblePan(String digits) {
        return CardSchemes.plausible(digits) && luhnValid(digits);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Masks the span as written in {@code source} (overlapping spans each keep their own first six / last four). */
    private static void mask(char[] source, char[] out, int from, int to) {
        int total = 0;
        for (int k = from; k < to; k++) {
            if (isDigit(source[k])) {
                total++;
            }
        }
        int seen = 0;
        for (int k = from; k < to; k++) {
            if (isDigit(source[k])) {
                seen++;
                if (seen > KEEP_FIRST && seen <= total - KEEP_LAST) {
                    out[k] = '*';
                }
            }
        }
    }

    /**
     * Digits glued to a word on the left (IBAN, order id, {@code x123}), after a {@code +} or in an
     * e-mail domain. A card number used as an e-mail's local part ({@code 4111…@example.com}) is found.
     */
    private static boolean gluedLeft(String text, int start) {
        if (start == 0) {
            return false;
        }
        char before = text.charAt(start - 1);
        if (Character.isLetterOrDigit(before) || before == '_' || before == '+' || before == '*' || before == '@') {
            return true;
        }
        return (before == '-' || before == '/' || before == '.') && start >= 2
                && Character.isLetterOrDigit(text.charAt(start - 2));
    }

    private static boolean gluedRight(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char after = text.charAt(end);
        return Character.isLetter(after) || after == '_' || after == '*';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }

    /** Issuer prefixes and lengths per scheme (public BIN tables of the schemes). */
    private static final class CardSchemes {

        private CardSchemes() {
        }

        static boolean plausible(String d) {
            int len = d.length();
            int p2 = (d.charAt(0) - '0') * 10 + d.charAt(1) - '0';
            int p3 = p2 * 10 + d.charAt(2) - '0';
            int p4 = p3 * 10 + d.charAt(3) - '0';
            return switch (d.charAt(0)) {
                case '4' -> len == 13 || len == 16 || len == 19;                        // Visa
                case '2' -> (p4 >= 2221 && p4 <= 2720 && len == 16)                     // Mastercard
                        || (p4 >= 2200 && p4 <= 2204 && len >= 16);                     // Mir
                case '5' -> (p2 >= 51 && p2 <= 55 && len == 16)                         // Mastercard
                        || (p2 == 50 || (p2 >= 56 && p2 <= 58));                        // Maestro 13..19
                case '3' -> ((p2 == 34 || p2 == 37) && len == 15)                       // Amex
                        || (p4 >= 3528 && p4 <= 3589 && len >= 16)                      // JCB
                        || (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39)
                            && len >= 14);                                              // Diners
                case '6' -> (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65        // Discover
                        || p2 == 62                                                     // UnionPay
                        || p2 == 60 || p2 == 63 || p2 == 67) && len >= 16               // RuPay, Maestro
                        || ((p2 == 63 || p2 == 67) && len >= 13);                       // Maestro
                case '8' -> (p2 == 81 || p2 == 82) && len == 16;                        // RuPay
                case '9' -> p4 == 9792 && len == 16;                                    // Troy
                default -> false;
            };
        }
    }
}
