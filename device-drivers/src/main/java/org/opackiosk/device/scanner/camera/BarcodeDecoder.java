package org.opackiosk.device.scanner.camera;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import org.opackiosk.core.device.Symbology;

/**
 * Finds a barcode in an image with ZXing: Codabar (library cards), Code 39, EAN-13 (books), EAN-8,
 * Code 128, ITF and QR. Tries the local (hybrid) binarizer first and the global one second, which
 * between them read both clean renderings and phone photos; 1-D codes are also tried rotated. Not
 * thread-safe (ZXing's reader keeps state): one per decoding thread.
 */
public final class BarcodeDecoder {

    /** What was decoded. */
    public record Decoded(Symbology symbology, String text) {
    }

    private static final Map<BarcodeFormat, Symbology> FORMATS = new EnumMap<>(BarcodeFormat.class);

    static {
        FORMATS.put(BarcodeFormat.CODABAR, Symbology.CODABAR);
        FORMATS.put(BarcodeFormat.CODE_39, Symbology.CODE39);
        FORMATS.put(BarcodeFormat.CODE_128, Symbology.CODE128);
        FORMATS.put(BarcodeFormat.EAN_13, Symbology.EAN13);
        FORMATS.put(BarcodeFormat.EAN_8, Symbology.EAN8);
        FORMATS.put(BarcodeFormat.UPC_A, Symbology.UPC_A);
        FORMATS.put(BarcodeFormat.ITF, Symbology.ITF);
        FORMATS.put(BarcodeFormat.QR_CODE, Symbology.QR_CODE);
    }

    private final MultiFormatReader reader = new MultiFormatReader();

    public BarcodeDecoder() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.copyOf(FORMATS.keySet()));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        reader.setHints(hints);
    }

    public Optional<Decoded> decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                Result result = reader.decodeWithState(bitmap);
                Symbology s = FORMATS.getOrDefault(result.getBarcodeFormat(), Symbology.UNKNOWN);
                if (!result.getText().isEmpty()) {
                    return Optional.of(new Decoded(s, result.getText()));
                }
            } catch (NotFoundException e) {
                // try the next binarizer
            } finally {
                reader.reset();
            }
        }
        return Optional.empty();
    }

    /** Decodes a JPEG or PNG; empty when there is no barcode or the bytes are not an image. */
    public Optional<Decoded> decode(byte[] encodedImage) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encodedImage));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return image == null ? Optional.empty() : decode(image);
    }
}
