package org.opackiosk.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.opackiosk.demo.circulation.CirculationRules;

/**
 * How to start a {@link DemoServer}.
 *
 * @param dataDir       where the certificate, the database, connection.json and demo-patrons.json live
 * @param port          the TCP port on 127.0.0.1; {@code 0} = any free port
 * @param tokenLifetime how long an OAuth2 access token lives ({@code expires_in})
 * @param clock         the server's "today": due dates, token expiry, timestamps
 * @param clockOffset   added to {@code clock} at start ({@code --clock-offset}); {@code /admin/clock} changes it
 * @param kohaVersion   the Koha release to behave like where releases differ ({@code "24.05"} by default;
 *                      {@code "23.05"} validates passwords the old way)
 * @param rules         the circulation rules; {@code null} = {@code DIR/rules.toml} when present, else defaults
 * @param recordFile    every request and answer as JSON lines (secrets masked); {@code null} = not recorded
 */
public record DemoServerOptions(Path dataDir, int port, Duration tokenLifetime, Clock clock, Duration clockOffset,
                                KohaVersion kohaVersion, CirculationRules rules, Path recordFile) {

    public DemoServerOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockOffset, "clockOffset");
        Objects.requireNonNull(kohaVersion, "kohaVersion");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0–65535, was " + port);
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
        }
    }

    /** Any free port, tokens valid one hour, the system clock in the system zone, Koha 24.05, rules from DIR. */
    public static DemoServerOptions defaults(Path dataDir) {
        return new DemoServerOptions(dataDir, 0, Duration.ofHours(1), Clock.systemDefaultZone(), Duration.ZERO,
                KohaVersion.DEFAULT, null, null);
    }

    public DemoServerOptions withPort(int p) {
        return new DemoServerOptions(dataDir, p, tokenLifetime, clock, clockOffset, kohaVersion, rules, recordFile);
    }

    public DemoServerOptions withTokenLifetime(Duration d) {
        return new DemoServerOptions(dataDir, port, d, clock, clockOffset, kohaVersion, rules, recordFile);
    }

    public DemoServerOptions withClock(Clock c) {
        return new DemoServerOptions(dataDir, port, tokenLifetime, c, clockOffset, kohaVersion, rules, recordFile);
    }

    public DemoServerOptions withClockOffset(Duration offset) {
        return new DemoServerOptions(dataDir, port, tokenLifetime, clock, offset, kohaVersion, rules, recordFile);
    }

    /** E.g. {@code "23.05"}. */
    public DemoServerOptions withKohaVersion(String version) {
        return new DemoServerOptions(dataDir, port, tokenLifetime, clock, clockOffset, KohaVersion.parse(version),
                rules, recordFile);
    }

    public DemoServerOptions withRules(CirculationRules r) {
        return new DemoServerOptions(dataDir, port, tokenLifetime, clock, clockOffset, kohaVersion, r, recordFile);
    }

    public DemoServerOptions withRecordFile(Path file) {
        return new DemoServerOptions(dataDir, port, tokenLifetime, clock, clockOffset, kohaVersion, rules, file);
    }

    public Optional<Path> recordFileIfAny() {
        return Optional.ofNullable(recordFile);
    }
}
