package org.opackiosk.app.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opackiosk.core.config.DeviceSettings;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.ServerSettings;

/**
 * The configuration as staff see it on the dashboard: the running kiosk's settings under their configuration-file
 * names, so a technician on the phone can follow. Secrets are never shown: the client secret only as "hidden", pins
 * shortened (a pin is public, but 52 characters help nobody on a kiosk screen).
 */
public final class ConfigSummary {

    /** One setting: its key in the file ({@code section.key}) and its value as shown. */
    public record Entry(String key, String value) {
    }

    static final String HIDDEN = "••••••";

    private ConfigSummary() {
    }

    public static List<Entry> of(KioskConfig config) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("file", config.source().map(Object::toString).orElse("— (demo mode)")));
        out.add(new Entry("library.name", config.library().nameJa()));
        out.add(new Entry("library.name_en", config.library().nameEn()));
        out.add(new Entry("library.branch", config.library().branchId()));
        out.add(new Entry("library.max_holds", config.library().maxHolds().isPresent()
                ? Integer.toString(config.library().maxHolds().getAsInt()) : "— (the server decides)"));
        config.server().ifPresentOrElse(s -> server(s, out), () -> out.add(new Entry("server", "embedded demo server")));
        out.add(new Entry("ui.language", config.ui().defaultLanguage().getLanguage()));
        out.add(new Entry("ui.text_size", config.ui().textSize().name().toLowerCase(Locale.ROOT)));
        out.add(new Entry("ui.idle_timeout_seconds", Long.toString(config.ui().idleTimeout().toSeconds())));
        out.add(new Entry("ui.countdown_seconds", Long.toString(config.ui().countdown().toSeconds())));
        out.add(new Entry("cards.profile", config.cards().profile()));
        DeviceSettings devices = config.devices();
        out.add(new Entry("devices.mode", devices.mode().name().toLowerCase(Locale.ROOT)));
        DeviceSettings.ScannerSettings scanner = devices.scanner();
        out.add(new Entry("scanner.type", scanner.type().name().toLowerCase(Locale.ROOT)
                + scanner.port().map(p -> " " + p).orElse("")
                + (scanner.type() == DeviceSettings.ScannerSettings.Type.SERIAL ? ", suffix " + scanner.suffix() : "")));
        DeviceSettings.PrinterSettings printer = devices.printer();
        out.add(new Entry("printer.type", printer.type().name().toLowerCase(Locale.ROOT) + printer.path().map(p -> " " + p).orElse("")
                + (printer.type() == DeviceSettings.PrinterSettings.Type.NONE ? "" : ", " + printer.paperWidthMm() + " mm")));
        DeviceSettings.LightSettings light = devices.light();
        out.add(new Entry("light", "green " + pin(light.greenPin()) + ", amber " + pin(light.amberPin()) + ", red "
                + pin(light.redPin()) + ", buzzer " + pin(light.buzzerPin()) + ", staff key " + pin(light.staffKeyPin())));
        out.add(new Entry("search.sync_interval_minutes", Long.toString(config.search().syncInterval().toMinutes())));
        out.add(new Entry("search.web_opac_url", config.search().webOpacUrlTemplate().orElse("—")));
        out.add(new Entry("offline.holds_per_card", Integer.toString(config.offline().holdsPerCard())));
        out.add(new Entry("offline.holds_per_kiosk", Integer.toString(config.offline().holdsPerKiosk())));
        out.add(new Entry("offline.done_retention_hours", Long.toString(config.offline().doneRetention().toHours())));
        out.add(new Entry("state.directory", config.stateDirectory().toString()));
        // how staff get in: whether a PIN is set, never its hash; how many staff cards, never their numbers
        out.add(new Entry("staff.pin_hash", config.staff().pinHash().isPresent() ? "set (" + HIDDEN + ")" : "— (no PIN)"));
        out.add(new Entry("staff.cards", config.staff().cards().size() + " card(s)"
                + (config.staff().cardPattern().isPresent() ? " and a card_pattern" : "")));
        out.add(new Entry("staff.categories", config.staff().categories().isEmpty() ? "— (off)"
                : String.join(", ", new java.util.TreeSet<>(config.staff().categories()))));
        out.add(new Entry("staff.key_switch", Boolean.toString(config.staff().keySwitch())));
        out.add(new Entry("staff.name_press", Boolean.toString(config.staff().namePress())));
        out.add(new Entry("staff.idle_minutes", Long.toString(config.staff().idleTimeout().toMinutes())));
        return List.copyOf(out);
    }

    private static void server(ServerSettings s, List<Entry> out) {
        out.add(new Entry("server.url", s.url().toString()));
        out.add(new Entry("server.pins", s.pins().isEmpty() ? "—" : String.join(", ", s.pins().stream()
                .map(p -> p.length() > 19 ? p.substring(0, 19) + "…" : p).toList())));
        out.add(new Entry("server.ca_file", s.caFile().map(Object::toString).orElse("—")));
        out.add(new Entry("server.auth", s.auth().name().toLowerCase(Locale.ROOT)));
        out.add(new Entry("server.client_id", s.clientId()));
        out.add(new Entry("server.client_secret", HIDDEN));
    }

    private static String pin(Optional<Integer> pin) {
        return pin.map(p -> "GPIO" + p).orElse("—");
    }
}
