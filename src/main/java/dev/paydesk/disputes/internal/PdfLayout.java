package dev.paydesk.disputes.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small flowing-text writer over PDFBox: headings, label/value lines and wrapped paragraphs on A4
 * pages, with a footer per page. Text outside the standard fonts' WinAnsi set is transliterated.
 */
final class PdfLayout implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final String footer;
    private PDPageContentStream out;
    private float y;
    private int pages;

    PdfLayout(String title, String footer) {
        this.footer = footer;
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(clean(title));
        info.setCreator("Paydesk");
        newPage();
    }

    void title(String text) {
        write(bold, 16, text, 0);
        y -= 6;
    }

    void heading(String text) {
        y -= 8;
        write(bold, 12, text, 0);
        y -= 2;
    }

    void field(String label, String value) {
        float labelWidth = 140;
        ensure(14);
        show(bold, 9.5f, MARGIN, y, clean(label));
        List<String> lines = wrap(regular, 9.5f, clean(value), WIDTH - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                ensure(13);
            }
            show(regular, 9.5f, MARGIN + labelWidth, y, lines.get(i));
            y -= 13;
        }
    }

    void paragraph(String text) {
        for (String para : clean(text).split("\n")) {
            write(regular, 9.5f, para, 0);
        }
    }

    void bullet(String text) {
        write(regular, 9.5f, "- " + text, 10);
    }

    private void write(PDType1Font font, float size, String text, float indent) {
        float lineHeight = size * 1.4f;
        for (String line : wrap(font, size, clean(text), WIDTH - indent)) {
            ensure(lineHeight);
            show(font, size, MARGIN + indent, y, line);
            y -= lineHeight;
        }
    }

    private void show(PDType1Font font, float size, float x, float atY, String text) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY - size);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensure(float height) {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            pages++;
            show(regular, 8, MARGIN, MARGIN, clean(footer) + " - page " + pages);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] toBytes() {
        try {
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDType1Font font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the standard 14 fonts can encode (WinAnsi); arrows and dashes become ASCII. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.replace("→", "->").replace("–", "-").replace("—", "-").replace("\t", " ").toCharArray()) {
            if (c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) || c == '€') {
                b.append(c);
            } else if (c != '\r') {
                b.append('?');
            }
        }
        return b.toString();
    }
}
