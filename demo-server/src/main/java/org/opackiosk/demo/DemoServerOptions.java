package org.opackiosk.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link DemoServer}.
 *
 * @param dataDir       where the certificate, the database, connection.json and demo-patrons.json live
 * @param port          the TCP port on 127.0.0.1; {@code 0} = any free port
 * @param tokenLifetime how long an OAuth2 access token lives ({@code expires_in})
 * @param clock         the server's "today": due dates, token expiry, timestamps
 */
public record DemoServerOptions(Path dataDir, int port, Duration tokenLifetime, Clock clock) {

    public DemoServerOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0–65535, was " + port);
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
        }
    }

    /** Any free port, tokens valid one hour, the system clock in the system zone. */
    public static DemoServerOptions defaults(Path dataDir) {
        return new DemoServerOptions(dataDir, 0, Duration.ofHours(1), Clock.systemDefaultZone());
    }

    public DemoServerOptions withPort(int p) {
        return new DemoServerOptions(dataDir, p, tokenLifetime, clock);
    }

    public DemoServerOptions withTokenLifetime(Duration d) {
        return new DemoServerOptions(dataDir, port, d, clock);
    }

    public DemoServerOptions withClock(Clock c) {
        return new DemoServerOptions(dataDir, port, tokenLifetime, c);
    }
}
