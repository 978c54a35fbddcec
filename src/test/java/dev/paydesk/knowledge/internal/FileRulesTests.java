package dev.paydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * What a file on an article may be. Magic numbers from the formats' specifications: PNG (W3C PNG, section 5.2),
 * JPEG SOI marker FF D8 FF (ITU T.81), GIF87a/GIF89a (GIF89a spec), WebP "RIFF....WEBP" (RFC 9649), PDF "%PDF-"
 * (ISO 32000-1, 7.5.2).
 */
class FileRulesTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
    private static final long LIMIT = 1024;

    private static FileRules.Refused refused(String name, String type, byte[] bytes) {
        try {
            FileRules.check(name, type, bytes, LIMIT);
        } catch (FileRules.Refused e) {
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void imagesWhoseBytesMatchTheirTypeAreAccepted() {
        assertThat(FileRules.check("a.png", "image/png", PNG, LIMIT)).isEqualTo("image/png");
        assertThat(FileRules.check("a.jpg", "image/jpg", JPEG, LIMIT)).isEqualTo("image/jpeg");
        assertThat(FileRules.check("a.webp", "image/webp", WEBP, LIMIT)).isEqualTo("image/webp");
        assertThat(FileRules.check("a.gif", null, "GIF89a....".getBytes(StandardCharsets.US_ASCII), LIMIT)).isEqualTo("image/gif");
        assertThat(FileRules.check("notes.md", "application/octet-stream", "# Notes".getBytes(StandardCharsets.UTF_8), LIMIT))
                .isEqualTo("text/markdown");
        assertThat(FileRules.check("Überweisung.txt", "text/plain; charset=utf-8", "Rückbuchung".getBytes(StandardCharsets.UTF_8), LIMIT))
                .isEqualTo("text/plain");
    }

    @Test
    void emptyOversizedAndForeignFilesAreRefused() {
        assertThat(refused("a.png", "image/png", new byte[0]).code()).isEqualTo("empty");
        FileRules.Refused large = refused("a.png", "image/png", new byte[(int) LIMIT + 1]);
        assertThat(large.tooLarge()).isTrue();
        assertThat(large.getMessage()).contains("1 KB");
        assertThat(refused("x.svg", "image/svg+xml", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("type");
        assertThat(refused("x.html", "text/html", "<script>".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("type");
        assertThat(refused("run.exe", null, new byte[] {'M', 'Z'}).code()).isEqualTo("type");
    }

    @Test
    void mislabelledFilesAreRefused() {
        assertThat(refused("a.png", "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("mislabelled");
        assertThat(refused("a.png", "image/png", JPEG).getMessage()).contains("image/jpeg");
        assertThat(refused("a.pdf", "application/pdf", PNG).code()).isEqualTo("mislabelled");
        assertThat(refused("a.txt", "text/plain", PNG).code()).isEqualTo("mislabelled");
        assertThat(refused("a.txt", "text/plain", new byte[] {'a', 0, 'b'}).code()).isEqualTo("mislabelled");
        assertThat(refused("a.txt", "text/plain", new byte[] {'a', (byte) 0xC3, 0x28}).code()).isEqualTo("mislabelled");
    }

    @Test
    void textWithACardNumberInClearOrMaskedIsRefused() {
        // 4111 1111 1111 1111: Visa's public test card number (Luhn-valid)
        assertThat(refused("a.txt", "text/plain", "card 4111 1111 1111 1111 declined".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo("card-number");
        assertThat(refused("a.csv", "text/csv", "ref,card\nA1,4111111111111111\n".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo("card-number");
        // as PanBoundary leaves it when the file was declared as text: masked, or masked plus keyed hash
        assertThat(FileRules.hasCardNumber("card 4111 11** **** 1111 declined")).isTrue();
        assertThat(FileRules.hasCardNumber("A1,411111******1111#1a2b3c4d")).isTrue();
        assertThat(FileRules.hasCardNumber("IBAN DE89 3704 0044 0532 0130 00, order 2026-12-07, 49.90 EUR")).isFalse();
    }

    @Test
    void dangerousNamesAreMadeSafe() {
        assertThat(FileRules.safeName("../../etc/passwd", "text/plain")).isEqualTo("passwd");
        assertThat(FileRules.safeName("C:\\Users\\anna\\receipt.png", "image/png")).isEqualTo("receipt.png");
        assertThat(FileRules.safeName("evil\r\nSet-Cookie: x.png", "image/png")).isEqualTo("evil__Set-Cookie_ x.png");
        assertThat(FileRules.safeName("invoice\u202Egnp.exe", "image/png")).isEqualTo("invoice_gnp.exe");
        assertThat(FileRules.safeName("..", "image/png")).isEqualTo("file.png");
        assertThat(FileRules.safeName(".hidden", "text/plain")).isEqualTo("hidden");
        assertThat(FileRules.safeName("a\"; filename=x.html", "text/plain")).isEqualTo("a__ filename=x.html");
        assertThat(FileRules.safeName("x".repeat(300) + ".png", "image/png")).hasSize(120).endsWith(".png");
    }

    @Test
    void onlySafeRasterImagesAreShownInline() {
        assertThat(FileRules.inline("image/png")).isTrue();
        assertThat(FileRules.inline("image/webp")).isTrue();
        assertThat(FileRules.inline("image/svg+xml")).isFalse();
        assertThat(FileRules.inline("application/pdf")).isFalse();
        assertThat(FileRules.inline("text/plain")).isFalse();
    }
}
