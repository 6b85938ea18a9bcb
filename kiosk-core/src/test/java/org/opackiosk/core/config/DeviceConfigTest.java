package org.opackiosk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.config.DeviceSettings.PrinterSettings;
import org.opackiosk.core.config.DeviceSettings.ScannerSettings;
import org.opackiosk.core.config.DeviceSettings.Terminator;

/** {@code [devices]}, {@code [scanner]}, {@code [printer]}, {@code [light]}. */
class DeviceConfigTest {

    private static final String SERVER = """
            [server]
            url = "https://koha.example.jp"
            pins = ["sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="]
            client_id = "kiosk-1"
            client_secret = "s3cret"
            """;

    @TempDir
    Path dir;

    private ConfigResult load(String toml) throws IOException {
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, toml);
        return new ConfigLoader().load(file, dir);
    }

    private DeviceSettings devicesOf(String toml) throws IOException {
        ConfigResult result = load(toml);
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config().devices();
    }

    private List<String> problemsOf(String toml) throws IOException {
        ConfigResult result = load(toml);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return ((ConfigResult.Invalid) result).messages();
    }

    @Test
    void demoModeSimulatesTheDevicesAndARealServerUsesRealOnes() throws IOException {
        assertThat(devicesOf("").mode()).isEqualTo(DeviceSettings.Mode.SIMULATED);
        assertThat(KioskConfig.demo(dir).devices()).isEqualTo(DeviceSettings.SIMULATED);
        DeviceSettings real = devicesOf(SERVER);
        assertThat(real.mode()).isEqualTo(DeviceSettings.Mode.REAL);
        assertThat(real.scanner()).isEqualTo(ScannerSettings.DEFAULTS);
        assertThat(real.scanner().type()).isEqualTo(ScannerSettings.Type.WEDGE);
        assertThat(real.printer()).isEqualTo(PrinterSettings.NONE);
        assertThat(real.light().any()).isFalse();
        // a configured kiosk may still ask for simulated devices (a technician's desk)
        assertThat(devicesOf(SERVER + "[devices]\nmode = \"simulated\"\n").mode()).isEqualTo(DeviceSettings.Mode.SIMULATED);
    }

    @Test
    void aSerialScannerWithEveryKey() throws IOException {
        ScannerSettings s = devicesOf(SERVER + """
                [scanner]
                type = "serial"
                port = "/dev/serial/by-id/usb-Honeywell_1900-if00"
                baud = 115200
                prefix = "\\u0002"
                suffix = "CRLF"
                """).scanner();
        assertThat(s.type()).isEqualTo(ScannerSettings.Type.SERIAL);
        assertThat(s.port()).contains("/dev/serial/by-id/usb-Honeywell_1900-if00");
        assertThat(s.baud()).isEqualTo(115200);
        assertThat(s.prefix()).isEqualTo("\u0002");
        assertThat(s.suffix()).isEqualTo(Terminator.CRLF);
    }

    @Test
    void wedgeAndCameraSettings() throws IOException {
        ScannerSettings wedge = devicesOf("[scanner]\ntype = \"wedge\"\nwedge_max_key_interval_ms = 25\nwedge_min_length = 8\n").scanner();
        assertThat(wedge.wedgeMaxKeyInterval()).isEqualTo(Duration.ofMillis(25));
        assertThat(wedge.wedgeMinLength()).isEqualTo(8);
        ScannerSettings camera = devicesOf("[scanner]\ntype = \"camera\"\ncamera_command = \"rpicam-vid -t 0 -n --codec mjpeg -o -\"\nduplicate_window_ms = 1500\n").scanner();
        assertThat(camera.cameraCommand()).containsExactly("rpicam-vid", "-t", "0", "-n", "--codec", "mjpeg", "-o", "-");
        assertThat(camera.duplicateWindow()).isEqualTo(Duration.ofMillis(1500));
        ScannerSettings listed = devicesOf("[scanner]\ntype = \"camera\"\ncamera_command = [\"ffmpeg\", \"-f\", \"v4l2\", \"-i\", \"/dev/video0\"]\n").scanner();
        assertThat(listed.cameraCommand()).hasSize(5);
    }

    @Test
    void badScannerKeysAreNamed() throws IOException {
        assertThat(problemsOf("[scanner]\ntype = \"serial\"\nbaud = 9601\nsuffix = \"ETX\"\n"))
                .anySatisfy(m -> assertThat(m).contains("scanner.port: expected the scanner's serial port for type = \"serial\""))
                .anySatisfy(m -> assertThat(m).contains("scanner.baud: expected one of [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200], found 9601"))
                .anySatisfy(m -> assertThat(m).contains("scanner.suffix: expected one of \"CR\", \"LF\", \"CRLF\", \"TAB\", found \"ETX\""));
        assertThat(problemsOf("[scanner]\ntype = \"bluetooth\"\n")).singleElement().asString()
                .contains("scanner.type: expected one of \"serial\", \"wedge\", \"camera\", \"none\", found \"bluetooth\"");
        assertThat(problemsOf("[scanner]\ntype = \"camera\"\n")).singleElement().asString().contains("scanner.camera_command");
        assertThat(problemsOf("[scanner]\nwedge_max_key_interval_ms = 500\n")).singleElement().asString()
                .contains("scanner.wedge_max_key_interval_ms: expected a whole number from 5 to 100, found 500");
        assertThat(problemsOf("[devices]\nmode = \"fake\"\n")).singleElement().asString()
                .contains("devices.mode: expected \"real\" or \"simulated\", found \"fake\"");
    }

    @Test
    void printerOnADeviceFileOrASerialPort() throws IOException {
        assertThat(devicesOf("[printer]\ndevice = \"/dev/usb/lp0\"\n").printer())
                .isEqualTo(new PrinterSettings(PrinterSettings.Type.DEVICE, Optional.of("/dev/usb/lp0"), 9600, 80));
        assertThat(devicesOf("[printer]\ntype = \"serial\"\nport = \"/dev/ttyUSB0\"\nbaud = 38400\npaper_width_mm = 58\n").printer())
                .isEqualTo(new PrinterSettings(PrinterSettings.Type.SERIAL, Optional.of("/dev/ttyUSB0"), 38400, 58));
        assertThat(problemsOf("[printer]\ntype = \"serial\"\ndevice = \"/dev/usb/lp0\"\npaper_width_mm = 70\n"))
                .anySatisfy(m -> assertThat(m).contains("printer.port: expected the printer's serial port"))
                .anySatisfy(m -> assertThat(m).contains("printer.device: expected no device for type = \"serial\""))
                .anySatisfy(m -> assertThat(m).contains("printer.paper_width_mm: expected 58 or 80, found 70"));
    }

    @Test
    void lightPinsAreBcmNumbersUsedOnce() throws IOException {
        LightSettings light = devicesOf("[light]\ngreen_pin = 17\namber_pin = 27\nred_pin = 22\nbuzzer_pin = 18\nstaff_key_pin = 23\nactive_low = true\n").light();
        assertThat(light).isEqualTo(new LightSettings(Optional.of(17), Optional.of(27), Optional.of(22), Optional.of(18),
                Optional.of(23), true));
        assertThat(problemsOf("[light]\ngreen_pin = 17\nred_pin = 17\nbuzzer_pin = 40\n"))
                .anySatisfy(m -> assertThat(m).contains("light.red_pin: expected a GPIO line not used by light.green_pin, found 17"))
                .anySatisfy(m -> assertThat(m).contains("light.buzzer_pin: expected a whole number from 0 to 27, found 40"));
    }

    @Test
    void aPassiveBuzzerIsChosenByNameAndNeedsAHardwarePwmLine() throws IOException {
        assertThat(devicesOf("[light]\nbuzzer_pin = 18\n").light().buzzerType()).isEqualTo(LightSettings.BuzzerType.ACTIVE);
        assertThat(devicesOf("[light]\nbuzzer_pin = 18\nbuzzer_type = \"passive\"\n").light())
                .isEqualTo(new LightSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(18), Optional.empty(),
                        false, LightSettings.BuzzerType.PASSIVE));
        assertThat(problemsOf("[light]\nbuzzer_pin = 18\nbuzzer_type = \"piezo\"\n"))
                .anySatisfy(m -> assertThat(m).contains("light.buzzer_type: expected one of \"active\", \"passive\", found \"piezo\""));
        assertThat(problemsOf("[light]\nbuzzer_pin = 24\nbuzzer_type = \"passive\"\n"))
                .anySatisfy(m -> assertThat(m).contains(
                        "light.buzzer_pin: expected a hardware PWM line (12, 13, 18 or 19) for buzzer_type = \"passive\", found 24"));
    }
}
