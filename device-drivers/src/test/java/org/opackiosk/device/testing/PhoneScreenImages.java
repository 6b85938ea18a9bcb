package org.opackiosk.device.testing;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Map;
import java.util.Random;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;

/**
 * Generated camera frames of a phone that shows a barcode on its screen, as the kiosk's camera would see it
 * when a patron holds up a library app: a bright screen with a rounded dark bezel on a darker background,
 * drawn at twice the size and downscaled, turned and sheared (the phone is not held square to the lens),
 * with the screen's black not black and its white not white, blurred, noisy and JPEG-compressed. These are
 * renderings, not photographs of phones: they show the decoder copes with those distortions, no more.
 */
public final class PhoneScreenImages {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    /**
     * How one frame is spoiled.
     *
     * @param name        what the variant stands for (test names)
     * @param seed        the noise's seed
     * @param angleDeg    the phone's rotation in the frame
     * @param shear       horizontal shear, a cheap stand-in for perspective
     * @param scale       the phone's size: 1 fills about 80 % of the frame's width
     * @param black       what the screen's black bars become (0–255)
     * @param white       what the screen's white becomes (0–255)
     * @param blurSigma   gaussian blur in pixels of the final frame (0: none)
     * @param noiseSigma  gaussian noise per pixel, in grey levels
     * @param jpegQuality 0–1
     * @param glare       a bright reflection across part of the screen
     */
    public record Shot(String name, long seed, double angleDeg, double shear, double scale, int black, int white,
                       double blurSigma, double noiseSigma, float jpegQuality, boolean glare) {

        @Override
        public String toString() {
            return name;
        }
    }

    private PhoneScreenImages() {
    }

    /** The frame as JPEG bytes, what a camera's MJPEG stream carries. */
    public static byte[] jpeg(BarcodeFormat format, String text, Shot shot) {
        return TestImages.jpeg(frame(format, text, shot), shot.jpegQuality());
    }

    /** The frame before JPEG compression. */
    public static BufferedImage frame(BarcodeFormat format, String text, Shot shot) {
        BufferedImage big = new BufferedImage(WIDTH * 2, HEIGHT * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // a hand or a coat in front of the camera: darker than the screen, unevenly lit
        g.setPaint(new GradientPaint(0, 0, new Color(0x4A, 0x42, 0x3C), WIDTH * 2, HEIGHT * 2, new Color(0x7A, 0x70, 0x66)));
        g.fillRect(0, 0, WIDTH * 2, HEIGHT * 2);

        g.translate(WIDTH, HEIGHT);
        g.rotate(Math.toRadians(shot.angleDeg()));
        g.shear(shot.shear(), shot.shear() / 3);
        g.scale(shot.scale(), shot.scale());
        // the phone on its side, the app's barcode across the screen's long side
        double phoneW = 1040;
        double phoneH = 520;
        g.setColor(new Color(0x1C, 0x1C, 0x20));
        g.fill(new RoundRectangle2D.Double(-phoneW / 2, -phoneH / 2, phoneW, phoneH, 110, 110));
        double screenW = phoneW - 80;
        double screenH = phoneH - 50;
        g.setColor(new Color(0xFA, 0xFA, 0xFF));
        g.fill(new RoundRectangle2D.Double(-screenW / 2, -screenH / 2, screenW, screenH, 60, 60));
        BufferedImage code = barcode(format, text, (int) (screenW - 80), (int) (screenH * 0.55));
        g.drawImage(code, (int) (-code.getWidth() / 2.0), (int) (-code.getHeight() / 2.0), null);
        g.dispose();

        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D small = frame.createGraphics();
        small.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        small.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        small.drawImage(big, 0, 0, WIDTH, HEIGHT, null);
        small.dispose();

        frame = screenContrast(frame, shot.black(), shot.white());
        if (shot.glare()) {
            Graphics2D glare = frame.createGraphics();
            glare.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
            glare.setPaint(new GradientPaint(WIDTH * 0.3f, 0, new Color(255, 255, 255, 0), WIDTH * 0.55f, HEIGHT * 0.4f,
                    new Color(255, 255, 255, 255), true));
            glare.fillRect(0, 0, WIDTH, HEIGHT);
            glare.dispose();
        }
        if (shot.blurSigma() > 0) {
            frame = blur(frame, shot.blurSigma());
        }
        return noise(frame, shot.noiseSigma(), new Random(shot.seed()));
    }

    private static BufferedImage barcode(BarcodeFormat format, String text, int width, int height) {
        try {
            BitMatrix m = new MultiFormatWriter().encode(text, format, width, height, Map.of(EncodeHintType.MARGIN, 10));
            return MatrixToImageWriter.toBufferedImage(m);
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Maps 0–255 onto black–white: a screen photographed is never black and white. */
    private static BufferedImage screenContrast(BufferedImage in, int black, int white) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int rgb = in.getRGB(x, y);
                int r = black + ((rgb >> 16) & 0xFF) * (white - black) / 255;
                int gr = black + ((rgb >> 8) & 0xFF) * (white - black) / 255;
                int b = black + (rgb & 0xFF) * (white - black) / 255;
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    private static BufferedImage blur(BufferedImage in, double sigma) {
        int radius = (int) Math.ceil(sigma * 3);
        int size = radius * 2 + 1;
        float[] row = new float[size];
        float sum = 0;
        for (int i = 0; i < size; i++) {
            row[i] = (float) Math.exp(-((i - radius) * (i - radius)) / (2 * sigma * sigma));
            sum += row[i];
        }
        for (int i = 0; i < size; i++) {
            row[i] /= sum;
        }
        BufferedImage across = new ConvolveOp(new Kernel(size, 1, row), ConvolveOp.EDGE_NO_OP, null).filter(in, null);
        return new ConvolveOp(new Kernel(1, size, row), ConvolveOp.EDGE_NO_OP, null).filter(across, null);
    }

    private static BufferedImage noise(BufferedImage in, double sigma, Random random) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int rgb = in.getRGB(x, y);
                double n = random.nextGaussian() * sigma;
                int r = clamp(((rgb >> 16) & 0xFF) + n + random.nextGaussian() * sigma / 3);
                int g = clamp(((rgb >> 8) & 0xFF) + n + random.nextGaussian() * sigma / 3);
                int b = clamp((rgb & 0xFF) + n + random.nextGaussian() * sigma / 3);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
