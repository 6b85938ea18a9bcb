package org.opackiosk.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.config.DeviceSettings.PrinterSettings;
import org.opackiosk.core.config.DeviceSettings.ScannerSettings;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.device.PrinterStatus;
import org.opackiosk.core.device.ScanEvent;
import org.opackiosk.core.device.ScanSource;
import org.opackiosk.core.device.ScannerStatus;
import org.opackiosk.core.device.Symbology;
import org.opackiosk.core.platform.ManualScheduler;

class DeviceSetTest {

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void simulatedDevicesAreDrivenByThePanel() {
        try (DeviceSet devices = DeviceSet.open(DeviceSettings.SIMULATED, scheduler, Clock.systemUTC(), dir)) {
            DeviceSet.Simulation sim = devices.simulation().orElseThrow();
            List<ScanEvent> scans = new ArrayList<>();
            List<ScannerStatus> statuses = new ArrayList<>();
            devices.scanner().onScan(scans::add);
            devices.scanner().onStatus(statuses::add);

            sim.scanner().scan(Symbology.CODABAR, "A01000001A");
            sim.scanner().setConnected(false);
            sim.scanner().scan(Symbology.CODABAR, "A01000002A");
            sim.scanner().setConnected(true);

            assertThat(scans).containsExactly(new ScanEvent(Symbology.CODABAR, "A01000001A", ScanSource.SIMULATED));
            assertThat(statuses).containsExactly(ScannerStatus.MISSING, ScannerStatus.READY);
            devices.indicator().show(LightState.READY);
            assertThat(sim.indicator().state()).isEqualTo(LightState.READY);
            assertThat(devices.printer()).contains(sim.printer());
            assertThat(devices.printer().orElseThrow().status()).isEqualTo(PrinterStatus.READY);
            List<Boolean> turns = new ArrayList<>();
            devices.staffKey().onChange(turns::add);
            sim.staffKey().turn(true);
            assertThat(turns).containsExactly(true);
        }
    }

    @Test
    void aRealKioskWithAWedgeScannerAndNothingElseHasNoDeviceToOpen() {
        DeviceSettings real = new DeviceSettings(DeviceSettings.Mode.REAL, ScannerSettings.DEFAULTS, PrinterSettings.NONE, LightSettings.NONE);
        try (DeviceSet devices = DeviceSet.open(real, scheduler, Clock.systemUTC(), dir)) {
            assertThat(devices.scanner().status()).isEqualTo(ScannerStatus.NONE);
            assertThat(devices.printer()).isEmpty();
            assertThat(devices.simulation()).isEmpty();
            assertThat(devices.staffKey().isOn()).isFalse();
        }
    }

    @Test
    void aConfiguredSerialScannerThatIsNotThereIsMissingAndAPrinterDeviceIsBuilt() {
        DeviceSettings real = new DeviceSettings(DeviceSettings.Mode.REAL,
                new ScannerSettings(ScannerSettings.Type.SERIAL, Optional.of(dir.resolve("ttyACM0").toString()), 9600, "",
                        DeviceSettings.Terminator.CR, ScannerSettings.DEFAULT_WEDGE_INTERVAL, 6, List.of(), Duration.ofSeconds(1)),
                new PrinterSettings(PrinterSettings.Type.DEVICE, Optional.of(dir.resolve("lp0").toString()), 9600, 80),
                LightSettings.NONE);
        try (DeviceSet devices = DeviceSet.open(real, scheduler, Clock.systemUTC(), dir)) {
            assertThat(devices.scanner().status()).isEqualTo(ScannerStatus.MISSING);
            assertThat(devices.scanner().describe()).contains("ttyACM0");
            assertThat(devices.printer().orElseThrow().describe()).contains("lp0");
            assertThat(scheduler.pending()).isEqualTo(1);
        }
        assertThat(scheduler.pending()).isZero();
    }
}
