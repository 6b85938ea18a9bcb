package org.opackiosk.device.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;

/** Camera frames for tests: barcodes drawn by ZXing onto a grey "desk", encoded as JPEG. */
public final class TestImages {

    private TestImages() {
    }

    /** A 640×480 frame with {@code text} as a barcode of {@code format} in the middle. */
    public static BufferedImage frame(BarcodeFormat format, String text) {
        try {
            boolean square = format == BarcodeFormat.QR_CODE;
            BitMatrix m = new MultiFormatWriter().encode(text, format, square ? 240 : 560, square ? 240 : 160,
                    Map.of(EncodeHintType.MARGIN, 10, EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage code = MatrixToImageWriter.toBufferedImage(m);
            BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(0xD8, 0xD4, 0xC8));
            g.fillRect(0, 0, 640, 480);
            g.drawImage(code, (640 - code.getWidth()) / 2, (480 - code.getHeight()) / 2, null);
            g.dispose();
            return frame;
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An empty desk: no barcode. */
    public static BufferedImage blank() {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return frame;
    }

    public static byte[] jpeg(BufferedImage image) {
        return jpeg(image, false);
    }

    public static byte[] jpeg(BufferedImage image, boolean progressive) {
        return jpeg(image, progressive, 0.9f);
    }

    /** JPEG at {@code quality} (0–1): a camera's MJPEG frames are often compressed harder than 0.9. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        return jpeg(image, false, quality);
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
