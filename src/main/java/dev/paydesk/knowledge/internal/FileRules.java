package dev.paydesk.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.paydesk.platform.PanRedactor;

/**
 * What a file on an article may be: one of a few types whose first bytes match the declared type, not empty, not
 * above the limit, text without a card number (in clear or already masked at the boundary), and a file name
 * without paths or control characters. Only png, jpeg, gif and webp are shown inline; everything else downloads.
 */
public final class FileRules {

    /** The types an article may carry, with the extension used when a browser declares none. */
    static final Map<String, String> TYPES = Map.of("image/png", "png", "image/jpeg", "jpg", "image/gif", "gif",
            "image/webp", "webp", "application/pdf", "pdf", "text/plain", "txt", "text/csv", "csv", "text/markdown", "md");
    private static final List<String> INLINE = List.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Map<String, String> BY_EXTENSION = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp", "pdf", "application/pdf", "txt", "text/plain",
            "csv", "text/csv", "md", "text/markdown");
    /** A card number as the boundary masks it: six digits, stars, the last four ({@code 4111 11** **** 1111}). */
    private static final Pattern MASKED_PAN = Pattern.compile("(?:\\d[ .-]?){6}(?:\\*[ .-]?){3,9}\\d{4}");
    private static final Pattern UNSAFE_NAME_CHARS = Pattern.compile("[\\p{Cntrl}\\p{Cf}<>:\"|?*;]");
    private static final int MAX_NAME = 120;

    /** A refused file: what is wrong, in words for the uploader, and as a message-bundle code with its arguments. */
    public static final class Refused extends dev.paydesk.shared.InvalidInputException {
        private final String code;
        private final transient Object[] args;

        Refused(String code, String message, Object... args) {
            super("file", message);
            this.code = code;
            this.args = args.clone();
        }

        public boolean tooLarge() {
            return code.equals("too-large");
        }

        /** The key under {@code knowledge.files.refused.} in the message bundles. */
        public String code() {
            return code;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private FileRules() {
    }

    /**
     * The type a file is stored and served as; refused when it is empty, too large, of a type articles do not
     * carry, when its bytes are not what the type says, or when it is text with a card number.
     */
    static String check(String filename, @Nullable String declaredType, byte[] bytes, long maxBytes) {
        if (bytes.length == 0) {
            throw new Refused("empty", "the file is empty");
        }
        if (bytes.length > maxBytes) {
            throw new Refused("too-large", "the file has " + bytes.length + " bytes; a file on an article may have at most "
                    + readable(maxBytes), readable(maxBytes));
        }
        String type = type(filename, declaredType);
        if (!TYPES.containsKey(type)) {
            String allowed = String.join(", ", TYPES.keySet().stream().sorted().toList());
            throw new Refused("type", "files of type " + type + " are not accepted on articles; allowed: " + allowed,
                    type, allowed);
        }
        String sniffed = sniff(bytes);
        if (type.startsWith("text/")) {
            if (sniffed != null || !isUtf8Text(bytes)) {
                throw new Refused("mislabelled", "the file is declared as " + type + " but is not UTF-8 text", type);
            }
            if (hasCardNumber(new String(bytes, StandardCharsets.UTF_8))) {
                throw new Refused("card-number", "the file contains a card number (PAN); remove it and upload the file again");
            }
        } else if (!type.equals(sniffed)) {
            throw new Refused("mislabelled", "the file is declared as " + type + " but its content is "
                    + (sniffed == null ? "something else" : sniffed), type);
        }
        return type;
    }

    /** The declared type without parameters; a missing or generic one is taken from the name's extension. */
    static String type(String filename, @Nullable String declaredType) {
        String bare = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!bare.isEmpty() && !bare.equals("application/octet-stream")) {
            return bare.equals("image/jpg") ? "image/jpeg" : bare;
        }
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, bare.isEmpty() ? "application/octet-stream" : bare);
    }

    /** The type the first bytes show, for the binary types articles carry; null for anything else. */
    static @Nullable String sniff(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    /** Whether a card number is in the text, in clear or masked by the boundary before the file got here. */
    static boolean hasCardNumber(String text) {
        return PanRedactor.containsPan(text) || MASKED_PAN.matcher(text).find();
    }

    /** Only safe raster images are shown in the page; everything else (SVG, PDF, text) is downloaded. */
    public static boolean inline(String contentType) {
        return INLINE.contains(contentType);
    }

    /**
     * A file name to store and offer: the last path segment, without control, format (bidi) or reserved
     * characters, no leading dots, at most 120 characters; "file.&lt;ext&gt;" when nothing is left.
     */
    static String safeName(@Nullable String filename, String type) {
        String name = filename == null ? "" : Normalizer.normalize(filename, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE_NAME_CHARS.matcher(name).replaceAll("_").strip().replaceFirst("^[.\\s_]+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name.isBlank() ? "file." + TYPES.getOrDefault(type, "bin") : name;
    }

    /** A limit as people say it: "5 MB", "512 KB", "100 bytes". */
    static String readable(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        return bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        int[] head = new int[magic.length];
        Arrays.setAll(head, i -> bytes[offset + i] & 0xFF);
        return Arrays.equals(head, magic);
    }
}
