package org.opackiosk.provisioning.devices;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opackiosk.device.scanner.camera.BarcodeDecoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kioskctl scan-image}: what the camera scanner would read in a photo. */
@Command(name = "scan-image",
        description = {"Decode the barcode in each image file (JPEG, PNG) the way the camera scanner does, one line per",
                "file: the symbology and the text, or why nothing was read. Exit 0 when every file was read, 1 otherwise."})
public final class ScanImageCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "one JSON object per file: file, symbology and text, or error")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "image files")
    List<Path> files;

    /** What one file gave. */
    sealed interface Outcome permits Read, Failed {
    }

    record Read(BarcodeDecoder.Decoded decoded) implements Outcome {
    }

    record Failed(String error) implements Outcome {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BarcodeDecoder decoder = new BarcodeDecoder();
        boolean allRead = true;
        for (Path file : files) {
            Outcome outcome = decode(decoder, file);
            allRead &= outcome instanceof Read;
            if (json) {
                ObjectNode node = JSON.createObjectNode().put("file", file.toString());
                switch (outcome) {
                    case Read r -> node.put("symbology", r.decoded().symbology().name()).put("text", r.decoded().text());
                    case Failed f -> node.put("error", f.error());
                }
                out.println(node);
            } else {
                out.println(file + ": " + switch (outcome) {
                    case Read r -> r.decoded().symbology() + " " + r.decoded().text();
                    case Failed f -> "error: " + f.error();
                });
            }
            out.flush();
        }
        return allRead ? 0 : ScannerCommand.EXIT_DEVICE;
    }

    static Outcome decode(BarcodeDecoder decoder, Path file) {
        if (!Files.isRegularFile(file)) {
            return new Failed("no such file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return new Failed("not a readable image (" + e.getMessage() + ")");
        }
        if (image == null) {
            return new Failed("not an image (JPEG or PNG expected)");
        }
        Optional<BarcodeDecoder.Decoded> decoded = decoder.decode(image);
        return decoded.<Outcome>map(Read::new).orElseGet(() -> new Failed("no barcode found"));
    }
}
