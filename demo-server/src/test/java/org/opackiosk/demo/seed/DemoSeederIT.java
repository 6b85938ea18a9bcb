package org.opackiosk.demo.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.TestClock;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoPatron;
import org.opackiosk.demo.checkouts.Checkout;
import org.opackiosk.demo.checkouts.CheckoutRepository;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.db.Passwords;
import org.opackiosk.demo.holds.Hold;
import org.opackiosk.demo.holds.HoldRepository;
import org.opackiosk.demo.patrons.Patron;
import org.opackiosk.demo.patrons.PatronRepository;

class DemoSeederIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-04-01T01:00:00Z"), TOKYO);
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @TempDir
    Path dataDir;

    @Test
    void patronsArePersistedWithSaltedHashesAndDatesFromTheServersClock() throws Exception {
        // given
        DemoCatalogue catalogue = DemoCatalogue.load();

        // when
        try (Database database = Database.open(dataDir, 2)) {
            assertThat(new DemoSeeder().seedIfEmpty(database, catalogue, CLOCK)).isTrue();

            // then
            PatronRepository patrons = new PatronRepository();
            Map<String, Patron> stored = database.read(patrons::all).stream()
                    .collect(Collectors.toMap(Patron::cardnumber, Function.identity()));
            assertThat(stored).hasSize(catalogue.patrons().size());
            for (DemoPatron demo : catalogue.patrons()) {
                Patron patron = stored.get(demo.cardNumber());
                assertThat(patron.expiryDate()).isEqualTo(TODAY.plusDays(demo.expiresInDays()));
                assertThat(patron.restricted()).isEqualTo(demo.restricted());
                if (demo.password().isPresent()) {
                    assertThat(patron.passwordHash()).startsWith("pbkdf2_sha256$").doesNotContain(demo.password().get());
                    assertThat(Passwords.verify(demo.password().get(), patron.passwordHash())).isTrue();
                } else {
                    assertThat(patron.passwordHash()).isNull();
                }
            }
        }
    }

    @Test
    void loansAndHoldsBecomeDatesRelativeToToday() throws Exception {
        // given
        DemoCatalogue catalogue = DemoCatalogue.load();

        // when
        try (Database database = Database.open(dataDir, 2)) {
            new DemoSeeder().seedIfEmpty(database, catalogue, CLOCK);

            // then
            List<Checkout> loans = database.read(c -> new CheckoutRepository().currentForItems(c,
                    catalogue.loans().stream().map(l -> l.itemNumber()).toList())).values().stream().toList();
            assertThat(loans).hasSize(catalogue.loans().size());
            var firstLoan = catalogue.loans().getFirst();
            Checkout stored = database.read(c -> new CheckoutRepository()
                    .currentForItems(c, List.of(firstLoan.itemNumber())).get(firstLoan.itemNumber()));
            assertThat(stored.dueDate()).isEqualTo(
                    TODAY.plusDays(firstLoan.dueInDays()).atTime(23, 59).atZone(TOKYO).toInstant());

            var firstHold = catalogue.holds().getFirst();
            List<Hold> queue = database.read(c -> new HoldRepository().currentForBiblio(c, firstHold.recordNumber()));
            assertThat(queue).isNotEmpty();
            assertThat(queue).extracting(Hold::holdDate).contains(TODAY.minusDays(firstHold.placedDaysAgo()));
        }
    }

    @Test
    void seedingHappensOnce() throws Exception {
        // given
        DemoCatalogue catalogue = DemoCatalogue.load();
        try (Database database = Database.open(dataDir, 2)) {
            new DemoSeeder().seedIfEmpty(database, catalogue, CLOCK);
        }

        // when
        try (Database database = Database.open(dataDir, 2)) {
            boolean seededAgain = new DemoSeeder().seedIfEmpty(database, catalogue, CLOCK);

            // then
            assertThat(seededAgain).isFalse();
            assertThat(database.read(new PatronRepository()::all)).hasSize(catalogue.patrons().size());
        }
    }
}
