package org.opackiosk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String PIN_A = "sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    private static final Path DEFAULT_STATE = Path.of("state-default");

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private ConfigResult load(String toml) throws IOException {
        Path file = dir.resolve("kiosk.toml");
        Files.writeString(file, toml);
        return loader.load(file, DEFAULT_STATE);
    }

    private List<String> problemsOf(String toml) throws IOException {
        ConfigResult result = load(toml);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return ((ConfigResult.Invalid) result).messages();
    }

    private static final String VALID_SERVER = """
            [server]
            url = "https://koha.example.jp"
            pins = ["%s"]
            client_id = "kiosk-1"
            client_secret = "s3cret"
            """.formatted(PIN_A);

    @Test
    void theDocumentedExampleFileIsValid() throws IOException {
        // given the example from docs/, with the secret file it names beside it
        Path example = Path.of("..", "docs", "kiosk.example.toml");
        Path copy = dir.resolve("kiosk.toml");
        Files.copy(example, copy);
        Files.writeString(dir.resolve("client-secret"), "from-file\n");

        // when
        ConfigResult result = loader.load(copy, DEFAULT_STATE);

        // then
        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        KioskConfig config = ((ConfigResult.Valid) result).config();
        assertThat(config.demoMode()).isFalse();
        assertThat(config.library().nameJa()).isEqualTo("みどり市立図書館");
        ServerSettings server = config.server().orElseThrow();
        assertThat(server.pins()).hasSize(2);
        assertThat(server.clientSecret().reveal()).isEqualTo("from-file");
        assertThat(server.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.stateDirectory()).isEqualTo(Path.of("/var/lib/opac-kiosk"));
    }

    @Test
    void everyKnownKeyIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        ConfigLoader.KNOWN_KEYS.forEach((section, keys) -> {
            assertThat(docs).as("section [%s] documented", section).contains("[" + section + "]");
            keys.forEach(k -> assertThat(docs).as("key %s.%s documented", section, k).contains("`" + k + "`"));
        });
    }

    @Test
    void aFileWithoutServerSectionMeansDemoModeWithTheLibrarysOwnName() throws IOException {
        ConfigResult result = load("""
                [library]
                name = "さくら町図書館"
                branch = "SAKURA"
                """);

        KioskConfig config = ((ConfigResult.Valid) result).config();
        assertThat(config.demoMode()).isTrue();
        assertThat(config.library().nameEn()).isEqualTo("さくら町図書館");
        assertThat(config.stateDirectory()).isEqualTo(DEFAULT_STATE);
        assertThat(config.ui()).isEqualTo(UiSettings.DEFAULTS);
    }

    @Test
    void uiSettingsAreRead() throws IOException {
        ConfigResult result = load("""
                [ui]
                language = "en"
                idle_timeout_seconds = 90
                countdown_seconds = 10
                text_size = "large"
                """);

        UiSettings ui = ((ConfigResult.Valid) result).config().ui();
        assertThat(ui.defaultLanguage()).isEqualTo(Locale.ENGLISH);
        assertThat(ui.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(ui.countdown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ui.textSize()).isEqualTo(UiSettings.TextSize.LARGE);
    }

    @Test
    void aPlainHttpServerIsRefusedNamingTheKey() throws IOException {
        assertThat(problemsOf(VALID_SERVER.replace("https://", "http://")))
                .singleElement().asString()
                .contains("kiosk.toml: server.url: expected an https:// URL")
                .contains("found \"http://koha.example.jp\"");
    }

    @Test
    void aMalformedPinIsReportedWithItsIndex() throws IOException {
        String toml = VALID_SERVER.replace("[\"" + PIN_A + "\"]", "[\"" + PIN_A + "\", \"sha1/abc\"]");

        assertThat(problemsOf(toml)).singleElement().asString()
                .contains("server.pins[1]: expected \"sha256/\" followed by 44 base64 characters")
                .contains("found \"sha1/abc\"");
    }

    @Test
    void neitherPinsNorCaFileIsRefusedBecauseTheSystemTrustStoreIsNeverUsed() throws IOException {
        assertThat(problemsOf(VALID_SERVER.replace("pins = [\"" + PIN_A + "\"]\n", "")))
                .singleElement().asString().contains("server.pins: expected either pins").contains("found neither");
    }

    @Test
    void aMissingSecretFileIsNamed() throws IOException {
        String toml = VALID_SERVER.replace("client_secret = \"s3cret\"", "client_secret_file = \"nope\"");

        assertThat(problemsOf(toml)).singleElement().asString()
                .contains("server.client_secret_file: expected a readable file").contains("no file at");
    }

    @Test
    void aMisspelledKeyIsReportedWithTheKeysThatExist() throws IOException {
        assertThat(problemsOf("""
                [ui]
                idle_timout_seconds = 60
                """)).singleElement().asString()
                .contains("ui.idle_timout_seconds: expected one of the keys")
                .contains("idle_timeout_seconds")
                .contains("found an unknown key");
    }

    @Test
    void anUnknownSectionIsReported() throws IOException {
        assertThat(problemsOf("[receipt]\nport = \"/dev/usb/lp0\"\n"))
                .singleElement().asString().contains("receipt: expected one of the sections");
    }

    @Test
    void outOfRangeAndWrongTypesAreAllReportedAtOnce() throws IOException {
        List<String> problems = problemsOf("""
                [ui]
                language = "fr"
                idle_timeout_seconds = 2
                countdown_seconds = "ten"
                text_size = "huge"
                """);

        assertThat(problems).hasSize(4);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ui.language: expected \"ja\" or \"en\", found \"fr\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ui.idle_timeout_seconds: expected a whole number of seconds from 15 to 3600, found 2"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ui.countdown_seconds: expected a whole number of seconds"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ui.text_size: expected \"normal\" or \"large\""));
    }

    @Test
    void aTomlSyntaxErrorNamesTheLine() throws IOException {
        assertThat(problemsOf("[library]\nname = \"x\"\nbranch = \n"))
                .singleElement().asString().contains("(syntax): expected valid TOML").contains("line 3");
    }

    @Test
    void aMissingFileIsReportedNotThrown() {
        ConfigResult result = loader.load(dir.resolve("absent.toml"), DEFAULT_STATE);

        assertThat(((ConfigResult.Invalid) result).messages()).singleElement().asString().contains("found no such file");
    }

    @Test
    void theSecretNeverAppearsInTheConfigurationsText() throws IOException {
        KioskConfig config = ((ConfigResult.Valid) load(VALID_SERVER)).config();

        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.server().orElseThrow().clientSecret().reveal()).isEqualTo("s3cret");
    }

    @Test
    void searchAndOfflineSettingsAreReadAndChecked() throws IOException {
        KioskConfig config = ((ConfigResult.Valid) load("""
                [search]
                web_opac_url = "https://opac.example.jp/record/{id}"
                sync_interval_minutes = 10
                [offline]
                holds_per_card = 2
                holds_per_kiosk = 50
                """)).config();

        assertThat(config.search().webOpacUrlTemplate()).contains("https://opac.example.jp/record/{id}");
        assertThat(config.search().syncInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.offline()).isEqualTo(new OfflineSettings(2, 50));
        assertThat(problemsOf("[search]\nweb_opac_url = \"https://opac.example.jp/record\"\n"))
                .singleElement().asString().contains("search.web_opac_url: expected an http(s):// address containing {id}");
        assertThat(problemsOf("[offline]\nholds_per_card = 5\nholds_per_kiosk = 4\n"))
                .singleElement().asString().contains("offline.holds_per_kiosk: expected at least offline.holds_per_card (5), found 4");
    }

    @Test
    void withoutAnOfflineSectionACardQueuesThreeTheKioskTwoHundredAndSentOperationsAreKeptADay() throws IOException {
        KioskConfig config = ((ConfigResult.Valid) load("")).config();

        assertThat(config.offline()).isEqualTo(new OfflineSettings(3, 200, Duration.ofHours(24)));
        assertThat(config.offline()).isEqualTo(OfflineSettings.DEFAULTS);
    }

    @Test
    void howLongSentOperationsAreKeptIsSetInHoursAndChecked() throws IOException {
        KioskConfig config = ((ConfigResult.Valid) load("[offline]\ndone_retention_hours = 72\n")).config();

        assertThat(config.offline().doneRetention()).isEqualTo(Duration.ofHours(72));
        assertThat(config.offline().holdsPerCard()).isEqualTo(3);
        assertThat(problemsOf("[offline]\ndone_retention_hours = 0\n")).singleElement().asString()
                .contains("offline.done_retention_hours: expected a whole number from 1 to 720, found 0");
        assertThat(problemsOf("[offline]\ndone_retention_hours = \"1d\"\n")).singleElement().asString()
                .contains("offline.done_retention_hours: expected a whole number from 1 to 720");
    }

    @Test
    void theSessionMaximumIsReadInMinutesAndChecked() throws IOException {
        // given / when
        KioskConfig config = ((ConfigResult.Valid) load("[ui]\nsession_maximum_minutes = 25\n")).config();
        KioskConfig unset = ((ConfigResult.Valid) load("")).config();

        // then
        assertThat(config.ui().sessionMaximum()).isEqualTo(Duration.ofMinutes(25));
        assertThat(unset.ui().sessionMaximum()).isEqualTo(Duration.ofMinutes(10));
        assertThat(problemsOf("[ui]\nsession_maximum_minutes = 0\n")).singleElement().asString()
                .contains("ui.session_maximum_minutes: expected a whole number from 1 to 120, found 0");
        assertThat(problemsOf("[ui]\nsession_maximum_minutes = \"ten\"\n")).singleElement().asString()
                .contains("ui.session_maximum_minutes");
    }

    @Test
    void theLibrarysHoldLimitIsReadAndCheckedAndUnsetMeansNoKioskCheck() throws IOException {
        // given / when
        KioskConfig config = ((ConfigResult.Valid) load("[library]\nname = \"図書館\"\nbranch = \"CEN\"\nmax_holds = 10\n")).config();
        KioskConfig unset = ((ConfigResult.Valid) load("[library]\nname = \"図書館\"\nbranch = \"CEN\"\n")).config();

        // then
        assertThat(config.library().maxHolds()).hasValue(10);
        assertThat(unset.library().maxHolds()).isEmpty();
        assertThat(problemsOf("[library]\nname = \"図書館\"\nbranch = \"CEN\"\nmax_holds = 0\n")).singleElement().asString()
                .contains("library.max_holds: expected a whole number from 1 to 999, found 0");
    }
}
