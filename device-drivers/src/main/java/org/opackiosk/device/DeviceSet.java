package org.opackiosk.device;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.DeviceSettings.LightSettings;
import org.opackiosk.core.config.DeviceSettings.PrinterSettings;
import org.opackiosk.core.config.DeviceSettings.ScannerSettings;
import org.opackiosk.core.device.Indicator;
import org.opackiosk.core.device.ReceiptPrinter;
import org.opackiosk.core.device.Scanner;
import org.opackiosk.core.device.StaffKey;
import org.opackiosk.core.platform.Scheduler;
import org.opackiosk.device.light.GpioIndicator;
import org.opackiosk.device.light.GpioStaffKey;
import org.opackiosk.device.printer.DeviceFileLink;
import org.opackiosk.device.printer.EscPosEncoder;
import org.opackiosk.device.printer.EscPosPrinter;
import org.opackiosk.device.printer.PngPrinter;
import org.opackiosk.device.printer.SerialPrinterLink;
import org.opackiosk.device.printer.SlipRenderer;
import org.opackiosk.device.scanner.ScanFrameParser;
import org.opackiosk.device.scanner.camera.CameraScanner;
import org.opackiosk.device.scanner.serial.JSerialCommLink;
import org.opackiosk.device.scanner.serial.SerialScanner;
import org.opackiosk.device.simulated.SimulatedIndicator;
import org.opackiosk.device.simulated.SimulatedScanner;
import org.opackiosk.device.simulated.SimulatedStaffKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's devices, real or simulated, built once from the configuration by the composition root
 * ({@link #open}). A keyboard-wedge scanner is not here: it types into the UI's scene, which detects it;
 * its {@link #scanner} is {@link Scanner#none()}. Closing closes every device, in reverse order.
 *
 * @param simulation the simulated devices, for the device panel; empty with real hardware
 */
public record DeviceSet(Scanner scanner, Indicator indicator, Optional<ReceiptPrinter> printer, StaffKey staffKey,
                        Optional<Simulation> simulation, List<AutoCloseable> resources) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSet.class);

    /** The simulated devices, to be driven by the device panel. */
    public record Simulation(SimulatedScanner scanner, SimulatedIndicator indicator, PngPrinter printer, SimulatedStaffKey staffKey) {
    }

    public DeviceSet {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(staffKey, "staffKey");
        Objects.requireNonNull(simulation, "simulation");
        resources = List.copyOf(resources);
    }

    /**
     * Builds the configured devices. Never fails for a missing device (a scanner not plugged in is
     * {@code MISSING} and retried); a GPIO line that cannot be opened leaves the light out with a log line.
     *
     * @param slipsFolder where the simulated printer writes its PNG slips
     */
    public static DeviceSet open(DeviceSettings settings, Scheduler scheduler, Clock clock, Path slipsFolder) {
        if (settings.mode() == DeviceSettings.Mode.SIMULATED) {
            SimulatedScanner scanner = new SimulatedScanner();
            SimulatedIndicator indicator = new SimulatedIndicator();
            PngPrinter printer = new PngPrinter(slipsFolder, new SlipRenderer(settings.printer().paperWidthMm()));
            SimulatedStaffKey key = new SimulatedStaffKey();
            LOG.info("Simulated devices: scanner, status light, printer (slips in {}), staff key", slipsFolder);
            return new DeviceSet(scanner, indicator, Optional.of(printer), key,
                    Optional.of(new Simulation(scanner, indicator, printer, key)), List.of(scanner, indicator, printer));
        }
        List<AutoCloseable> resources = new ArrayList<>();
        Scanner scanner = scanner(settings.scanner(), scheduler, clock);
        resources.add(scanner);
        Optional<ReceiptPrinter> printer = printer(settings.printer());
        printer.ifPresent(resources::add);
        Indicator indicator = Indicator.none();
        StaffKey key = StaffKey.none();
        LightSettings light = settings.light();
        if (light.any()) {
            try {
                Context pi4j = Pi4J.newAutoContext();
                resources.add(pi4j::shutdown);
                indicator = new GpioIndicator(pi4j, light, scheduler);
                resources.add(indicator);
                if (light.staffKeyPin().isPresent()) {
                    key = new GpioStaffKey(pi4j, light.staffKeyPin().get());
                    resources.add(key);
                }
            } catch (RuntimeException e) {
                LOG.error("The status light / staff key GPIO lines could not be opened ({}); the kiosk runs without them."
                        + " Check [light] in the configuration and that the kiosk's user is in the gpio group.", e.getMessage(), e);
            }
        }
        LOG.info("Devices: {}; printer: {}; light: {}", scanner.describe(),
                printer.map(ReceiptPrinter::describe).orElse("none"), light.any() ? "GPIO" : "none");
        return new DeviceSet(scanner, indicator, printer, key, Optional.empty(), resources);
    }

    private static Scanner scanner(ScannerSettings s, Scheduler scheduler, Clock clock) {
        return switch (s.type()) {
            case SERIAL -> new SerialScanner(new JSerialCommLink(s.port().orElseThrow(), s.baud()),
                    new ScanFrameParser(s.prefix(), s.suffix().text()), scheduler);
            case CAMERA -> new CameraScanner(s.cameraCommand(), scheduler, clock, s.duplicateWindow());
            case WEDGE, NONE -> Scanner.none();
        };
    }

    private static Optional<ReceiptPrinter> printer(PrinterSettings p) {
        EscPosEncoder encoder = new EscPosEncoder(p.paperWidthMm());
        return switch (p.type()) {
            case NONE -> Optional.empty();
            case DEVICE -> Optional.of(new EscPosPrinter(new DeviceFileLink(Path.of(p.path().orElseThrow())), encoder));
            case SERIAL -> Optional.of(new EscPosPrinter(new SerialPrinterLink(p.path().orElseThrow(), p.baud()), encoder));
        };
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("Closing a device failed", e);
            }
        }
    }
}
