package org.opackiosk.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The kiosk's whole configuration, validated. Built by {@link ConfigLoader} from one TOML file, or
 * {@link #demo} when there is none. Every setting is documented in {@code docs/configuration.md}.
 *
 * @param source          the file it came from; empty in demo mode
 * @param server          the circulation server; empty means demo mode (the embedded demo server)
 * @param stateDirectory  where the kiosk keeps its database, index and demo-server data
 * @param devices         scanner, printer, status light: real or simulated
 * @param staff           how staff get into maintenance mode
 */
public record KioskConfig(Optional<Path> source, LibrarySettings library, Optional<ServerSettings> server,
                          UiSettings ui, Path stateDirectory, CardSettings cards, SearchSettings search,
                          OfflineSettings offline, DeviceSettings devices, StaffSettings staff) {

    public KioskConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(staff, "staff");
    }

    /** Without staff settings: no PIN, no staff cards (the defaults). */
    public KioskConfig(Optional<Path> source, LibrarySettings library, Optional<ServerSettings> server, UiSettings ui,
                       Path stateDirectory, CardSettings cards, SearchSettings search, OfflineSettings offline,
                       DeviceSettings devices) {
        this(source, library, server, ui, stateDirectory, cards, search, offline, devices, StaffSettings.DEFAULTS);
    }

    /** The same configuration with other staff settings. */
    public KioskConfig withStaff(StaffSettings staffSettings) {
        return new KioskConfig(source, library, server, ui, stateDirectory, cards, search, offline, devices, staffSettings);
    }

    /** Without device settings: simulated devices in demo mode, otherwise the defaults (a keyboard-wedge scanner). */
    public KioskConfig(Optional<Path> source, LibrarySettings library, Optional<ServerSettings> server, UiSettings ui,
                       Path stateDirectory, CardSettings cards, SearchSettings search, OfflineSettings offline) {
        this(source, library, server, ui, stateDirectory, cards, search, offline, server.isEmpty()
                ? DeviceSettings.SIMULATED
                : new DeviceSettings(DeviceSettings.Mode.REAL, DeviceSettings.ScannerSettings.DEFAULTS,
                        DeviceSettings.PrinterSettings.NONE, DeviceSettings.LightSettings.NONE));
    }

    public boolean demoMode() {
        return server.isEmpty();
    }

    /** The configuration used when no file is given: demo library, demo server, defaults. */
    public static KioskConfig demo(Path stateDirectory) {
        return new KioskConfig(Optional.empty(), LibrarySettings.DEMO, Optional.empty(), UiSettings.DEFAULTS, stateDirectory,
                CardSettings.DEFAULTS, SearchSettings.DEFAULTS, OfflineSettings.DEFAULTS, DeviceSettings.SIMULATED);
    }
}
