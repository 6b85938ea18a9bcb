package org.opackiosk.circulation.koha;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.opackiosk.circulation.tls.TlsProbe;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.config.ServerSettings;
import org.opackiosk.core.staff.ServerHealth;
import org.opackiosk.core.staff.ServerStatus;

/**
 * The staff dashboard's server check: a TLS handshake exactly as the kiosk makes it (timed, for the round trip),
 * the certificate's remaining days, then one small authenticated read to show whether the token is accepted.
 * The same checks as {@code kioskctl check-server}'s first two, through the kiosk's own client. Thread-safe; blocks.
 */
public final class KohaServerHealth implements ServerHealth {

    private final ServerSettings settings;
    private final KohaCirculationService koha;
    private final Clock clock;
    private final LongSupplier nanoTime;

    public KohaServerHealth(ServerSettings settings, KohaCirculationService koha, Clock clock) {
        this(settings, koha, clock, System::nanoTime);
    }

    KohaServerHealth(ServerSettings settings, KohaCirculationService koha, Clock clock, LongSupplier nanoTime) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.koha = Objects.requireNonNull(koha, "koha");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public ServerStatus check() {
        long before = nanoTime.getAsLong();
        TlsProbe.Outcome tls = TlsProbe.probe(settings);
        Duration roundTrip = Duration.ofNanos(nanoTime.getAsLong() - before);
        Optional<X509Certificate> leaf = tls.leaf();
        OptionalLong days = leaf.map(c -> OptionalLong.of(TlsProbe.daysLeft(c, clock))).orElse(OptionalLong.empty());
        if (tls.failure().isPresent()) {
            if (leaf.isEmpty()) {
                return ServerStatus.unreachable(settings.url(), tls.failure().get());
            }
            return new ServerStatus(settings.url(), true, Optional.of(roundTrip), Optional.of(false), days, Optional.empty(),
                    problem(ServerStatus.Kind.UNTRUSTED_CERTIFICATE, tls.failure().get()));
        }
        return switch (koha.cataloguePage(Optional.empty(), 1, 1)) {
            case CallResult.Ok<CataloguePage> ok -> new ServerStatus(settings.url(), true, Optional.of(roundTrip),
                    Optional.of(true), days, Optional.of(true), days.isPresent() && days.getAsLong() < 30
                            ? problem(ServerStatus.Kind.CERTIFICATE_EXPIRES_SOON, days.getAsLong() + " days left")
                            : Optional.empty());
            case CallResult.Refused<CataloguePage> r -> new ServerStatus(settings.url(), true, Optional.of(roundTrip),
                    Optional.of(true), days, Optional.of(false), problem(ServerStatus.Kind.CLIENT_REFUSED, r.reason().code()));
            case CallResult.Unreachable<CataloguePage> u -> new ServerStatus(settings.url(), true, Optional.of(roundTrip),
                    Optional.of(true), days, Optional.empty(), problem(ServerStatus.Kind.NO_ANSWER, u.detail()));
            case CallResult.Ambiguous<CataloguePage> a -> new ServerStatus(settings.url(), true, Optional.of(roundTrip),
                    Optional.of(true), days, Optional.empty(), problem(ServerStatus.Kind.NO_ANSWER, a.detail()));
        };
    }

    private static Optional<ServerStatus.Problem> problem(ServerStatus.Kind kind, String detail) {
        return Optional.of(new ServerStatus.Problem(kind, detail));
    }
}
