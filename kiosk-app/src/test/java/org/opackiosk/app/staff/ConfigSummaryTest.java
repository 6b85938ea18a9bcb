package org.opackiosk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.config.KioskConfig;
import org.opackiosk.core.config.Secret;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.config.DeviceSettings;

class ConfigSummaryTest {

    private static final String PIN = "sha256/o8NCAMFqMawRGDp1fGa1a5Na2CEH1T6CIdOqyyYg7f4=";

    @Test
    void theClientSecretIsNeverShownAndPinsAreShortened() {
        KioskConfig demo = StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE);
        KioskConfig config = new KioskConfig(Optional.of(java.nio.file.Path.of("kiosk.toml")), demo.library(),
                Optional.of(new ServerSettings(URI.create("https://koha.example.jp"), List.of(PIN), Optional.empty(),
                        ServerSettings.AuthMethod.OAUTH2, "kiosk-01", new Secret("s3cret-value"), Duration.ofSeconds(3),
                        Duration.ofSeconds(10))), demo.ui(), demo.stateDirectory(), demo.cards(), demo.search(), demo.offline(),
                demo.devices());

        List<ConfigSummary.Entry> summary = ConfigSummary.of(config);

        assertThat(summary.toString()).doesNotContain("s3cret-value").doesNotContain(PIN);
        assertThat(summary).contains(new ConfigSummary.Entry("server.client_secret", ConfigSummary.HIDDEN),
                new ConfigSummary.Entry("server.url", "https://koha.example.jp"),
                new ConfigSummary.Entry("server.pins", "sha256/o8NCAMFqMawR…"),
                new ConfigSummary.Entry("library.branch", "CEN"),
                new ConfigSummary.Entry("library.max_holds", "— (the server decides)"));
    }

    @Test
    void staffSettingsShowWhetherAPinIsSetButNeitherItsHashNorTheStaffCards() {
        KioskConfig demo = StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE);
        String hash = org.opackiosk.core.staff.StaffPinHash.hash("2580".toCharArray(), new java.security.SecureRandom());
        KioskConfig config = demo.withStaff(new org.opackiosk.core.config.StaffSettings(Optional.of(hash),
                java.util.Set.of("29990001", "29990002"), Optional.empty(), true, false, Duration.ofMinutes(2)));

        List<ConfigSummary.Entry> summary = ConfigSummary.of(config);

        assertThat(summary.toString()).doesNotContain(hash).doesNotContain("29990001").doesNotContain("29990002");
        assertThat(summary).contains(new ConfigSummary.Entry("staff.pin_hash", "set (" + ConfigSummary.HIDDEN + ")"),
                new ConfigSummary.Entry("staff.cards", "2 card(s)"), new ConfigSummary.Entry("staff.name_press", "false"),
                new ConfigSummary.Entry("staff.categories", "— (off)"));
    }

    @Test
    void demoModeSaysItUsesTheEmbeddedServer() {
        List<ConfigSummary.Entry> summary = ConfigSummary.of(StaffFakes.config(DeviceSettings.ScannerSettings.Type.NONE));

        assertThat(summary).contains(new ConfigSummary.Entry("server", "embedded demo server"),
                new ConfigSummary.Entry("file", "— (demo mode)"));
    }
}
