package org.opackiosk.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.config.DeviceSettings.PrinterSettings;
import org.opackiosk.core.config.DeviceSettings.ScannerSettings;
import org.opackiosk.core.config.DeviceSettings.Terminator;

/** Reads {@code [devices]}, {@code [scanner]}, {@code [printer]} and {@code [light]} for {@link ConfigLoader}, collecting problems. */
final class DeviceReader {

    /** Baud rates barcode scanners and receipt printers actually use. */
    static final Set<Integer> BAUDS = Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);
    /** BCM GPIO numbers on the 40-pin header of a Raspberry Pi. */
    static final int MAX_GPIO = 27;

    private final ConfigLoader.Reader r;

    DeviceReader(ConfigLoader.Reader reader) {
        this.r = reader;
    }

    DeviceSettings read(boolean serverConfigured) {
        DeviceSettings.Mode mode = r.optionalText("devices", "mode").map(m -> switch (m) {
            case "real" -> DeviceSettings.Mode.REAL;
            case "simulated" -> DeviceSettings.Mode.SIMULATED;
            default -> {
                r.problem("devices.mode", "\"real\" or \"simulated\"", ConfigLoader.Reader.quote(m));
                yield DeviceSettings.Mode.REAL;
            }
        }).orElse(serverConfigured ? DeviceSettings.Mode.REAL : DeviceSettings.Mode.SIMULATED);
        return new DeviceSettings(mode, scanner(), printer(), light());
    }

    private ScannerSettings scanner() {
        ScannerSettings d = ScannerSettings.DEFAULTS;
        int before = r.problemCount();
        ScannerSettings.Type type = r.optionalText("scanner", "type").map(t -> switch (t) {
            case "serial" -> ScannerSettings.Type.SERIAL;
            case "wedge" -> ScannerSettings.Type.WEDGE;
            case "camera" -> ScannerSettings.Type.CAMERA;
            case "none" -> ScannerSettings.Type.NONE;
            default -> {
                r.problem("scanner.type", "one of \"serial\", \"wedge\", \"camera\", \"none\"", ConfigLoader.Reader.quote(t));
                yield d.type();
            }
        }).orElse(d.type());
        Optional<String> port = r.optionalText("scanner", "port");
        if (type == ScannerSettings.Type.SERIAL && port.isEmpty() && r.node("scanner", "port") == null) {
            r.problem("scanner.port", "the scanner's serial port for type = \"serial\", best its /dev/serial/by-id/… link", "missing");
        }
        int baud = baud("scanner");
        String prefix = r.text("scanner", "prefix");
        Terminator suffix = r.optionalText("scanner", "suffix").map(s -> {
            try {
                return Terminator.valueOf(s);
            } catch (IllegalArgumentException e) {
                r.problem("scanner.suffix", "one of \"CR\", \"LF\", \"CRLF\", \"TAB\"", ConfigLoader.Reader.quote(s));
                return d.suffix();
            }
        }).orElse(d.suffix());
        Duration interval = Duration.ofMillis(r.count("scanner", "wedge_max_key_interval_ms",
                (int) d.wedgeMaxKeyInterval().toMillis(), 5, 100));
        int minLength = r.count("scanner", "wedge_min_length", d.wedgeMinLength(), 1, 64);
        List<String> command = cameraCommand();
        if (type == ScannerSettings.Type.CAMERA && command.isEmpty() && r.node("scanner", "camera_command") == null) {
            r.problem("scanner.camera_command", "the command that writes MJPEG to standard output for type = \"camera\","
                    + " e.g. \"rpicam-vid -t 0 -n --codec mjpeg -o -\"", "missing");
        }
        Duration window = Duration.ofMillis(r.count("scanner", "duplicate_window_ms", (int) d.duplicateWindow().toMillis(), 0, 10_000));
        if (r.problemCount() > before) {
            return d;
        }
        return new ScannerSettings(type, port, baud, prefix, suffix, interval, minLength, command, window);
    }

    // A string split on spaces (no shell, so no quoting), or a list of arguments.
    private List<String> cameraCommand() {
        JsonNode n = r.node("scanner", "camera_command");
        if (n == null) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        if (n.isTextual() && !n.asText().isBlank()) {
            args.addAll(List.of(n.asText().strip().split("\\s+")));
        } else if (n.isArray() && !n.isEmpty()) {
            for (JsonNode a : n) {
                if (!a.isTextual()) {
                    args.clear();
                    break;
                }
                args.add(a.asText());
            }
        }
        if (args.isEmpty()) {
            r.problem("scanner.camera_command", "a command as a string (\"rpicam-vid -t 0 -n --codec mjpeg -o -\") or a list of arguments",
                    ConfigLoader.Reader.describe(n));
        }
        return args;
    }

    private PrinterSettings printer() {
        PrinterSettings d = PrinterSettings.NONE;
        int before = r.problemCount();
        PrinterSettings.Type type = r.optionalText("printer", "type").map(t -> switch (t) {
            case "serial" -> PrinterSettings.Type.SERIAL;
            case "device" -> PrinterSettings.Type.DEVICE;
            case "none" -> PrinterSettings.Type.NONE;
            default -> {
                r.problem("printer.type", "one of \"serial\", \"device\", \"none\"", ConfigLoader.Reader.quote(t));
                yield d.type();
            }
        }).orElse(r.has("printer") ? PrinterSettings.Type.DEVICE : d.type());
        Optional<String> port = r.optionalText("printer", "port");
        Optional<String> device = r.optionalText("printer", "device");
        Optional<String> path = Optional.empty();
        switch (type) {
            case SERIAL -> {
                path = port;
                if (port.isEmpty() && r.node("printer", "port") == null) {
                    r.problem("printer.port", "the printer's serial port for type = \"serial\"", "missing");
                }
                if (device.isPresent()) {
                    r.problem("printer.device", "no device for type = \"serial\" (use port)", ConfigLoader.Reader.quote(device.get()));
                }
            }
            case DEVICE -> {
                path = device;
                if (device.isEmpty() && r.node("printer", "device") == null) {
                    r.problem("printer.device", "the printer's device file for type = \"device\", e.g. \"/dev/usb/lp0\"", "missing");
                }
                if (port.isPresent()) {
                    r.problem("printer.port", "no port for type = \"device\" (use device, or type = \"serial\")", ConfigLoader.Reader.quote(port.get()));
                }
            }
            case NONE -> {
            }
        }
        int baud = baud("printer");
        int width = r.count("printer", "paper_width_mm", d.paperWidthMm(), 58, 80);
        if (width != 58 && width != 80) {
            r.problem("printer.paper_width_mm", "58 or 80", Integer.toString(width));
        }
        if (r.problemCount() > before) {
            return d;
        }
        return new PrinterSettings(type, path, baud, width);
    }

    private LightSettings light() {
        int before = r.problemCount();
        Map<Integer, String> used = new HashMap<>();
        Optional<Integer> green = pin("green_pin", used);
        Optional<Integer> amber = pin("amber_pin", used);
        Optional<Integer> red = pin("red_pin", used);
        Optional<Integer> buzzer = pin("buzzer_pin", used);
        Optional<Integer> key = pin("staff_key_pin", used);
        boolean activeLow = r.bool("light", "active_low", false);
        LightSettings.BuzzerType buzzerType = r.optionalText("light", "buzzer_type").map(t -> switch (t) {
            case "active" -> LightSettings.BuzzerType.ACTIVE;
            case "passive" -> LightSettings.BuzzerType.PASSIVE;
            default -> {
                r.problem("light.buzzer_type", "one of \"active\", \"passive\"", ConfigLoader.Reader.quote(t));
                yield LightSettings.BuzzerType.ACTIVE;
            }
        }).orElse(LightSettings.BuzzerType.ACTIVE);
        if (buzzerType == LightSettings.BuzzerType.PASSIVE && buzzer.isPresent()
                && !LightSettings.PWM_PINS.contains(buzzer.get())) {
            r.problem("light.buzzer_pin", "a hardware PWM line (12, 13, 18 or 19) for buzzer_type = \"passive\"",
                    Integer.toString(buzzer.get()));
        }
        if (r.problemCount() > before) {
            return LightSettings.NONE;
        }
        return new LightSettings(green, amber, red, buzzer, key, activeLow, buzzerType);
    }

    private Optional<Integer> pin(String key, Map<Integer, String> used) {
        if (r.node("light", key) == null) {
            return Optional.empty();
        }
        int pin = r.count("light", key, -1, 0, MAX_GPIO);
        if (pin < 0) {
            return Optional.empty();
        }
        String other = used.putIfAbsent(pin, key);
        if (other != null) {
            r.problem("light." + key, "a GPIO line not used by light." + other, Integer.toString(pin));
        }
        return Optional.of(pin);
    }

    private int baud(String section) {
        JsonNode n = r.node(section, "baud");
        if (n == null) {
            return ScannerSettings.DEFAULT_BAUD;
        }
        if (!n.isIntegralNumber() || !BAUDS.contains(n.asInt())) {
            r.problem(section + ".baud", "one of " + BAUDS.stream().sorted().toList(), ConfigLoader.Reader.describe(n));
            return ScannerSettings.DEFAULT_BAUD;
        }
        return n.asInt();
    }
}
