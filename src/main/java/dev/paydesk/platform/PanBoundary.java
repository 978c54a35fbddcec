package dev.paydesk.platform;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The card-number boundary: every string that enters Paydesk from HTTP, files, e-mail or webhooks
 * passes through here before any module sees it, so no card number (PAN, found by
 * {@link PanRedactor}) is ever stored, logged or shown.
 *
 * <p>Two rules:
 * <ul>
 * <li>In free text a card number is masked to first six / last four ({@code 4111 11** **** 1111}).</li>
 * <li>In a key (a reference, an id, an e-mail address, a Message-ID) a card number keeps its
 *     identity as the mask plus a keyed hash: {@code 411111******1111#1a2b3c4d}, the first 8 hex
 *     digits of HMAC-SHA256 over the digits with a key the database never holds. The same card
 *     number gives the same key in any separator form, so idempotency and matching still work;
 *     two card numbers with the same mask do not collide.</li>
 * </ul>
 * A value is a key when the caller knows it is one ({@link #key}), when its JSON member or form
 * field is named like one ({@link #isKeyName}), or when the whole value (or a whole file field) is
 * nothing but one card number.
 *
 * <p>Exceptions, kept byte-exact on purpose: a webhook body while its signature is checked (it is
 * redacted right after, before it is parsed or stored), and secrets that are only ever hashed and
 * never stored or shown (members and fields whose name contains {@code password}, the CSRF token,
 * the {@code Authorization} and {@code Cookie} headers).
 */
public final class PanBoundary {

    private static final Pattern KEY_NAME = Pattern.compile(
            ".*(id|ref|reference|key|number|mail|customer|charge|payment_intent|from)", Pattern.CASE_INSENSITIVE);
    private static final int HASH_BYTES = 4;

    private final SecretKeySpec key;

    public PanBoundary(byte[] hashKey) {
        if (hashKey.length < 16) {
            throw new IllegalArgumentException("the PAN hash key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(hashKey.clone(), "HmacSHA256");
    }

    /** Free text (or a value of unknown kind): card numbers masked; a value that is only a card number is a key. */
    public String text(String value) {
        List<PanRedactor.Span> spans = PanRedactor.find(value);
        if (spans.isEmpty()) {
            return value;
        }
        if (spans.size() == 1 && wholeValue(value, spans.getFirst())) {
            return key(value);
        }
        return PanRedactor.redact(value);
    }

    /** {@link #text} for null-tolerant callers. */
    public @Nullable String textOrNull(@Nullable String value) {
        return value == null ? null : text(value);
    }

    /** A key: every card number replaced by its mask plus keyed hash. */
    public String key(String value) {
        List<PanRedactor.Span> spans = PanRedactor.find(value);
        if (spans.isEmpty()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        int at = 0;
        for (PanRedactor.Span span : spans) {
            out.append(value, at, span.start()).append(keyed(value.substring(span.start(), span.end())));
            at = span.end();
        }
        return out.append(value, at, value.length()).toString();
    }

    /** {@link #key} for null-tolerant callers. */
    public @Nullable String keyOrNull(@Nullable String value) {
        return value == null ? null : key(value);
    }

    /** A named value (a JSON member, a form field): by its name a key, a secret left alone, or text. */
    public String named(@Nullable String name, String value) {
        if (name != null && isSecretName(name)) {
            return value;
        }
        return name != null && isKeyName(name) ? key(value) : text(value);
    }

    /** Whether a member or field of this name holds an identifier ({@code id}, {@code …Ref}, {@code email}, …). */
    public static boolean isKeyName(String name) {
        return KEY_NAME.matcher(name).matches();
    }

    /** Whether a member or field of this name holds a secret that is only hashed (a password). */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.equals("_csrf");
    }

    /**
     * A JSON document (a webhook body after its signature was checked): every string value and
     * member name redacted by {@link #named}, a number that is a card number turned into its key.
     * The same text when there is nothing to redact; text that is not JSON is redacted as text.
     */
    public String json(String body) {
        return PanJson.redact(this, body);
    }

    /**
     * A text file (CSV, XML) read through the boundary: each line as it is read, a card number that
     * is a whole field or element value becomes its key, any other is masked. Lines without a card
     * number pass unchanged. Bytes are handled as ISO-8859-1, so any ASCII-compatible encoding
     * (UTF-8 included) passes through intact.
     */
    public InputStream stream(InputStream in) {
        return new PanRedactingInputStream(in, this);
    }

    /** {@link #stream} for a character stream. */
    public Reader reader(Reader in) {
        return new PanRedactingReader(in, this);
    }

    /** {@link #stream} for a file held in memory. */
    public byte[] bytes(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String redacted = file(text);
        return redacted == text ? content : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A file's text (or a stretch of whole lines): whole-field card numbers become keys, others are masked. */
    public String file(String text) {
        List<PanRedactor.Span> spans = PanRedactor.find(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
        int at = 0;
        for (PanRedactor.Span span : spans) {
            String pan = text.substring(span.start(), span.end());
            boolean whole = isFieldEdge(text, span.start() - 1) && isFieldEdge(text, span.end());
            out.append(text, at, span.start()).append(whole ? keyed(pan) : PanRedactor.mask(pan));
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static boolean isFieldEdge(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        return switch (text.charAt(index)) {
            case '\n', '\r', ',', ';', '\t', '|', '"', '\'', '<', '>' -> true;
            default -> false;
        };
    }

    private static boolean wholeValue(String value, PanRedactor.Span span) {
        for (int i = 0; i < span.start(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        for (int i = span.end(); i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The key form of one card number: canonical mask (digits only) plus {@code #} and the keyed hash. */
    String keyed(String pan) {
        String digits = pan.replaceAll("\\D", "");
        return PanRedactor.mask(digits) + "#" + hash(digits);
    }

    private String hash(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(full, 0, HASH_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
