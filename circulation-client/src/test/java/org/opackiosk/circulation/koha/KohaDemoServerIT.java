package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.core.platform.MutableClock;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CataloguePage;
import org.opackiosk.core.circulation.Item;
import org.opackiosk.core.circulation.ItemState;
import org.opackiosk.core.circulation.RecordAvailability;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;

/** The kiosk's own Koha client against the real demo server process, over HTTPS with the pin. */
class KohaDemoServerIT extends DemoServerFixture {

    @Test
    void readsLibrariesThroughThePinnedClient() {
        try (var client = new KohaCirculationService(TestSettings.demo(server, server.pin()), Clock.systemUTC())) {
            CallResult<List<Library>> result = client.libraries();

            assertThat(result).isInstanceOf(CallResult.Ok.class);
            List<Library> libraries = ((CallResult.Ok<List<Library>>) result).value();
            assertThat(libraries).hasSizeGreaterThanOrEqualTo(3);
            assertThat(libraries).extracting(Library::id).contains("CEN");
            assertThat(libraries).anyMatch(Library::pickupLocation);
        }
    }

    @Test
    void readsThePatronCategoryOfTheStaffDemoPatronAndOfAnOrdinaryOne() {
        try (var client = new KohaCirculationService(TestSettings.demo(server, server.pin()), Clock.systemUTC())) {
            // when
            CallResult<String> staff = client.patronCategory("01000014");
            CallResult<String> ordinary = client.patronCategory("01000001");
            CallResult<String> nobody = client.patronCategory("01009999");

            // then
            assertThat(staff).isEqualTo(CallResult.ok("STAFF"));
            assertThat(ordinary).isEqualTo(CallResult.ok("ADULT"));
            assertThat(nobody).isInstanceOfSatisfying(CallResult.Refused.class,
                    r -> assertThat(r.reason().code()).isEqualTo("patron_not_found"));
        }
    }

    @Test
    void readsCataloguePagesRecordsAndItems() {
        try (var client = new KohaCirculationService(TestSettings.demo(server, server.pin()), Clock.systemUTC())) {
            // when
            CataloguePage first = ((CallResult.Ok<CataloguePage>) client.cataloguePage(Optional.empty(), 1, 20)).value();

            // then
            assertThat(first.totalCount()).isGreaterThanOrEqualTo(300);
            assertThat(first.records()).hasSize(20);
            String id = first.records().get(0).id();
            assertThat(client.record(id)).isInstanceOfSatisfying(CallResult.Ok.class,
                    ok -> assertThat(ok.value()).isEqualTo(first.records().get(0)));
            CallResult<List<Item>> items = client.items(id);
            assertThat(items).isInstanceOfSatisfying(CallResult.Ok.class,
                    ok -> assertThat((List<?>) ok.value()).isNotEmpty().hasSizeLessThanOrEqualTo(4));
            CataloguePage second = ((CallResult.Ok<CataloguePage>) client.cataloguePage(Optional.empty(), 2, 20)).value();
            assertThat(second.records()).doesNotContainAnyElementsOf(first.records());
        }
    }

    @Test
    void someDemoItemsAreOnLoanWithADueDate() {
        try (var client = new KohaCirculationService(TestSettings.demo(server, server.pin()), Clock.systemUTC())) {
            CataloguePage page = ((CallResult.Ok<CataloguePage>) client.cataloguePage(Optional.empty(), 1, 100)).value();

            long onLoan = page.records().stream()
                    .map(r -> client.items(r.id()))
                    .filter(CallResult::isOk)
                    .flatMap(r -> ((CallResult.Ok<List<Item>>) r).value().stream())
                    .filter(Item::onLoan)
                    .count();

            assertThat(onLoan).isPositive();
        }
    }

    @Test
    void aCopySetAsideForAHoldShowsAsWaitingAndItsRecordCountsTheHold() {
        try (var client = new KohaCirculationService(TestSettings.demo(server, server.pin()), Clock.systemUTC())) {
            // given the demo catalogue, where the first hold on a record with a copy on the shelf is trapped
            CataloguePage page = ((CallResult.Ok<CataloguePage>) client.cataloguePage(Optional.empty(), 1, 500)).value();

            // when
            List<RecordAvailability> withWaitingCopies = page.records().stream()
                    .map(r -> client.availability(r.id()))
                    .map(r -> ((CallResult.Ok<RecordAvailability>) r).value())
                    .filter(a -> a.items().stream().anyMatch(i -> i.state() == ItemState.WAITING_FOR_PICKUP))
                    .toList();

            // then
            assertThat(withWaitingCopies).isNotEmpty().allSatisfy(a -> {
                assertThat(a.holds()).isPresent();
                assertThat(a.holds().getAsInt()).isPositive();
            });
        }
    }

    @Test
    void aWrongPinIsRefusedBeforeAnythingIsRead() {
        String wrongPin = "sha256/" + "A".repeat(43) + "=";
        try (var client = new KohaCirculationService(TestSettings.demo(server, wrongPin), Clock.systemUTC())) {
            assertThat(client.libraries()).isInstanceOf(CallResult.Unreachable.class);
            assertThat(client.cataloguePage(Optional.empty(), 1, 5)).isInstanceOf(CallResult.Unreachable.class);
        }
    }

    @Test
    void theBackupPinIsAcceptedWhenThePrimaryNoLongerMatches() {
        String retiredPin = "sha256/" + "B".repeat(43) + "=";
        try (var client = new KohaCirculationService(TestSettings.demo(server, retiredPin, server.pin()), Clock.systemUTC())) {
            assertThat(client.libraries()).isInstanceOf(CallResult.Ok.class);
        }
    }

    @Test
    void aTokenTheServerConsidersExpiredIsRenewedOnceAndTheReadSucceeds(@TempDir Path otherDir) throws IOException {
        // given a server whose clock we move, issuing tokens valid for five minutes
        MutableClock serverClock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
        try (DemoServer expiring = DemoServer.start(DemoServerOptions.defaults(otherDir)
                .withClock(serverClock).withTokenLifetime(Duration.ofMinutes(5)));
             var client = new KohaCirculationService(TestSettings.demo(expiring, expiring.pin()), Clock.systemUTC())) {
            assertThat(client.cataloguePage(Optional.empty(), 1, 1)).isInstanceOf(CallResult.Ok.class);

            // when the token runs out on the server while the client still holds it
            serverClock.advance(Duration.ofMinutes(6));

            // then the 401 makes the client fetch a new token once, and the read succeeds
            assertThat(client.cataloguePage(Optional.empty(), 1, 1)).isInstanceOf(CallResult.Ok.class);
        }
    }

    @Test
    void aRevokedTokenIsRenewedOnceAndTheReadSucceeds() {
        try (var client = new KohaCirculationService(TestSettings.demo(server, server.pin()), Clock.systemUTC())) {
            // given a token the client has cached
            assertThat(client.cataloguePage(Optional.empty(), 1, 1)).isInstanceOf(CallResult.Ok.class);

            // when the server forgets every token it issued
            server.revokeAllTokens();

            // then the next read gets a 401, fetches a new token once, and succeeds
            assertThat(client.cataloguePage(Optional.empty(), 1, 1)).isInstanceOf(CallResult.Ok.class);
        }
    }
}
