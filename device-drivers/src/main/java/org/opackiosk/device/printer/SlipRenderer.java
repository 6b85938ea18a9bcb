package org.opackiosk.device.printer;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import org.opackiosk.core.device.Slip;

/**
 * Draws a {@link Slip} as the printer would, at the printer's resolution (203 dpi: 576 dots across
 * 80 mm paper, 384 across 58 mm), into a PNG — for the simulated printer, the device panel, and for
 * staff to see a slip without paper. Uses the same wrapping as the ESC/POS encoder, Noto Sans CJK JP
 * when installed, and ZXing for the QR code and barcodes. Thread-safe.
 */
public final class SlipRenderer {

    private static final String CJK_FONT = "Noto Sans CJK JP";
    private static final int MARGIN = 8;

    private final int widthDots;
    private final int columns;
    private final String fontFamily;

    public SlipRenderer(int paperWidthMm) {
        EscPosEncoder encoder = new EscPosEncoder(paperWidthMm);
        this.columns = encoder.columns();
        this.widthDots = paperWidthMm == 80 ? 576 : 384;
        boolean cjk = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()).contains(CJK_FONT);
        this.fontFamily = cjk ? CJK_FONT : Font.SANS_SERIF;
    }

    public BufferedImage render(Slip slip) {
        // lay out once to learn the height, then draw
        List<Runnable> ops = new ArrayList<>();
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        int height = layout(slip, probe.createGraphics(), ops, null);
        BufferedImage image = new BufferedImage(widthDots, height + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        layout(slip, g, ops, image);
        g.dispose();
        return image;
    }

    public byte[] renderPng(Slip slip) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(render(slip), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Returns the height used; draws when image is not null.
    private int layout(Slip slip, Graphics2D g, List<Runnable> unused, BufferedImage image) {
        Font body = new Font(fontFamily, Font.PLAIN, 22);
        Font bold = body.deriveFont(Font.BOLD);
        Font heading = new Font(fontFamily, Font.BOLD, 44);
        int y = MARGIN;
        int inner = widthDots - 2 * MARGIN;
        for (Slip.Line line : slip.lines()) {
            switch (line) {
                case Slip.Text t -> {
                    for (String row : EscPosEncoder.wrap(t.text(), columns)) {
                        y = text(g, image, row, t.bold() ? bold : body, t.align(), y, inner);
                    }
                }
                case Slip.Heading h -> {
                    for (String row : EscPosEncoder.wrap(h.text(), columns / 2)) {
                        y = text(g, image, row, heading, h.align(), y, inner);
                    }
                }
                case Slip.Qr q -> {
                    BufferedImage code = matrix(BarcodeFormat.QR_CODE, q.data(), q.moduleSize() * 33, q.moduleSize() * 33);
                    if (image != null) {
                        g.drawImage(code, (widthDots - code.getWidth()) / 2, y, null);
                    }
                    y += code.getHeight() + 8;
                }
                case Slip.Barcode b -> {
                    String data = b.type() == Slip.BarcodeType.CODABAR && !b.data().matches("[A-Da-d].*[A-Da-d]")
                            ? "A" + b.data() + "A" : b.data();
                    BufferedImage code = matrix(b.type() == Slip.BarcodeType.CODABAR ? BarcodeFormat.CODABAR : BarcodeFormat.CODE_39,
                            data, Math.min(inner, 400), 80);
                    if (image != null) {
                        g.drawImage(code, (widthDots - code.getWidth()) / 2, y, null);
                    }
                    y += code.getHeight();
                    y = text(g, image, b.data(), body, Slip.Align.CENTER, y, inner);
                }
                case Slip.Rule r -> {
                    if (image != null) {
                        g.setStroke(new java.awt.BasicStroke(2, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10,
                                new float[] {8, 6}, 0));
                        g.drawLine(MARGIN, y + 12, widthDots - MARGIN, y + 12);
                    }
                    y += 24;
                }
                case Slip.Feed f -> y += 24 * f.lines();
            }
        }
        return y;
    }

    private int text(Graphics2D g, BufferedImage image, String row, Font font, Slip.Align align, int y, int inner) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        if (image != null) {
            int w = m.stringWidth(row);
            int x = switch (align) {
                case LEFT -> MARGIN;
                case CENTER -> MARGIN + (inner - w) / 2;
                case RIGHT -> MARGIN + inner - w;
            };
            g.drawString(row, x, y + m.getAscent());
        }
        return y + m.getHeight();
    }

    private static BufferedImage matrix(BarcodeFormat format, String data, int width, int height) {
        try {
            BitMatrix m = new MultiFormatWriter().encode(data, format, width, height,
                    Map.of(EncodeHintType.MARGIN, format == BarcodeFormat.QR_CODE ? 2 : 10, EncodeHintType.CHARACTER_SET, "UTF-8"));
            return MatrixToImageWriter.toBufferedImage(m);
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot draw " + format + " of this data: " + e.getMessage(), e);
        }
    }
}
