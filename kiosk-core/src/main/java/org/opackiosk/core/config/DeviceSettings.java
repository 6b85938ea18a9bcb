package org.opackiosk.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The devices attached to the kiosk: barcode scanner, receipt printer, status light and buzzer, staff
 * key. Sections {@code [devices]}, {@code [scanner]}, {@code [printer]}, {@code [light]} of the
 * configuration; every key is documented in {@code docs/configuration.md}.
 *
 * @param mode real hardware, or simulated devices (with a device panel beside a windowed kiosk)
 */
public record DeviceSettings(Mode mode, ScannerSettings scanner, PrinterSettings printer, LightSettings light) {

    public enum Mode { REAL, SIMULATED }

    /**
     * Demo mode: simulated devices. The scanner is the simulated one alone (device panel,
     * Ctrl+Shift+1…9); keyboard-wedge detection is off, so typing is never held back.
     */
    public static final DeviceSettings SIMULATED = new DeviceSettings(Mode.SIMULATED, ScannerSettings.NONE,
            PrinterSettings.NONE, LightSettings.NONE);

    public DeviceSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(light, "light");
    }

    /** What ends a barcode's frame on a serial line (and the prefix before it). */
    public enum Terminator {
        CR("\r"), LF("\n"), CRLF("\r\n"), TAB("\t");

        private final String text;

        Terminator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * @param type                 serial, keyboard wedge, camera, or none
     * @param port                 serial: the device path, best a {@code /dev/serial/by-id/…} link
     * @param baud                 serial: the line speed
     * @param prefix               text the scanner sends before each code (empty: none); also required before a
     *                             keyboard-wedge scan when set
     * @param suffix               what ends each code
     * @param wedgeMaxKeyInterval  keyboard wedge: keys further apart than this are a person typing
     * @param wedgeMinLength       keyboard wedge: shorter bursts are typing, not a scan
     * @param cameraCommand        camera: the command (program and arguments, no shell) writing MJPEG to stdout
     * @param duplicateWindow      the same code again within this time is not reported again (camera)
     */
    public record ScannerSettings(Type type, Optional<String> port, int baud, String prefix, Terminator suffix,
                                  Duration wedgeMaxKeyInterval, int wedgeMinLength, List<String> cameraCommand,
                                  Duration duplicateWindow) {

        public enum Type { NONE, SERIAL, WEDGE, CAMERA }

        public static final int DEFAULT_BAUD = 9600;
        public static final Duration DEFAULT_WEDGE_INTERVAL = Duration.ofMillis(30);
        public static final int DEFAULT_WEDGE_MIN_LENGTH = 6;
        public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(1);

        /** A keyboard-wedge scanner with the usual Enter terminator: what works with the cheapest USB scanner. */
        public static final ScannerSettings DEFAULTS = new ScannerSettings(Type.WEDGE, Optional.empty(), DEFAULT_BAUD, "",
                Terminator.CR, DEFAULT_WEDGE_INTERVAL, DEFAULT_WEDGE_MIN_LENGTH, List.of(), DEFAULT_DUPLICATE_WINDOW);

        /** No scanner (or only the simulated one). */
        public static final ScannerSettings NONE = new ScannerSettings(Type.NONE, Optional.empty(), DEFAULT_BAUD, "",
                Terminator.CR, DEFAULT_WEDGE_INTERVAL, DEFAULT_WEDGE_MIN_LENGTH, List.of(), DEFAULT_DUPLICATE_WINDOW);

        public ScannerSettings {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(wedgeMaxKeyInterval, "wedgeMaxKeyInterval");
            Objects.requireNonNull(duplicateWindow, "duplicateWindow");
            cameraCommand = List.copyOf(cameraCommand);
            if (type == Type.SERIAL && port.isEmpty()) {
                throw new IllegalArgumentException("a serial scanner needs a port");
            }
            if (type == Type.CAMERA && cameraCommand.isEmpty()) {
                throw new IllegalArgumentException("a camera scanner needs a command");
            }
        }
    }

    /**
     * @param type          none, serial (jSerialComm) or a printer device file such as {@code /dev/usb/lp0}
     * @param path          the serial port or device file
     * @param baud          serial: the line speed
     * @param paperWidthMm  58 or 80 (32 or 48 characters of 12 dots)
     */
    public record PrinterSettings(Type type, Optional<String> path, int baud, int paperWidthMm) {

        public enum Type { NONE, SERIAL, DEVICE }

        public static final PrinterSettings NONE = new PrinterSettings(Type.NONE, Optional.empty(), 9600, 80);

        public PrinterSettings {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(path, "path");
            if (type != Type.NONE && path.isEmpty()) {
                throw new IllegalArgumentException("a printer needs a path");
            }
        }
    }

    /**
     * GPIO lines (BCM numbers) of the status light, buzzer and staff key; each optional.
     *
     * @param activeLow  the outputs switch on at a low level (many relay boards)
     * @param buzzerType an active buzzer (one pitch, switched on and off) or a passive one (driven by PWM at a
     *                   chosen pitch, so a rejected scan can sound low)
     */
    public record LightSettings(Optional<Integer> greenPin, Optional<Integer> amberPin, Optional<Integer> redPin,
                                Optional<Integer> buzzerPin, Optional<Integer> staffKeyPin, boolean activeLow,
                                BuzzerType buzzerType) {

        public enum BuzzerType { ACTIVE, PASSIVE }

        /** The BCM lines a Raspberry Pi can drive with hardware PWM, for a passive buzzer. */
        public static final java.util.Set<Integer> PWM_PINS = java.util.Set.of(12, 13, 18, 19);

        public static final LightSettings NONE = new LightSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);

        public LightSettings {
            Objects.requireNonNull(greenPin, "greenPin");
            Objects.requireNonNull(amberPin, "amberPin");
            Objects.requireNonNull(redPin, "redPin");
            Objects.requireNonNull(buzzerPin, "buzzerPin");
            Objects.requireNonNull(staffKeyPin, "staffKeyPin");
            Objects.requireNonNull(buzzerType, "buzzerType");
        }

        /** With an active buzzer (the default). */
        public LightSettings(Optional<Integer> greenPin, Optional<Integer> amberPin, Optional<Integer> redPin,
                             Optional<Integer> buzzerPin, Optional<Integer> staffKeyPin, boolean activeLow) {
            this(greenPin, amberPin, redPin, buzzerPin, staffKeyPin, activeLow, BuzzerType.ACTIVE);
        }

        /** True when any line is configured. */
        public boolean any() {
            return greenPin.isPresent() || amberPin.isPresent() || redPin.isPresent() || buzzerPin.isPresent()
                    || staffKeyPin.isPresent();
        }
    }
}
