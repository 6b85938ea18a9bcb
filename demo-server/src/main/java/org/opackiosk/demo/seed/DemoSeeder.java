package org.opackiosk.demo.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opackiosk.demo.biblios.Biblio;
import org.opackiosk.demo.biblios.BiblioRepository;
import org.opackiosk.demo.catalogue.DemoBranch;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoHold;
import org.opackiosk.demo.catalogue.DemoItem;
import org.opackiosk.demo.catalogue.DemoLoan;
import org.opackiosk.demo.catalogue.DemoPatron;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.catalogue.MaterialType;
import org.opackiosk.demo.catalogue.RecordFlag;
import org.opackiosk.demo.checkouts.Checkout;
import org.opackiosk.demo.checkouts.CheckoutRepository;
import org.opackiosk.demo.db.Database;
import org.opackiosk.demo.db.Jdbc;
import org.opackiosk.demo.db.Passwords;
import org.opackiosk.demo.holds.Hold;
import org.opackiosk.demo.holds.HoldRepository;
import org.opackiosk.demo.items.Item;
import org.opackiosk.demo.items.ItemRepository;
import org.opackiosk.demo.libraries.Library;
import org.opackiosk.demo.libraries.LibraryRepository;
import org.opackiosk.demo.patrons.Patron;
import org.opackiosk.demo.patrons.PatronRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new database from the {@link DemoCatalogue}, in one transaction, once: a settings row
 * {@code demo_seeded_at} marks it done.
 *
 * <p>Everything relative in the catalogue becomes a date on the server's clock at seeding time: loans
 * are due {@code dueInDays} after today (at 23:59), holds were placed {@code placedDaysAgo}, cards
 * expire {@code expiresInDays} after today. Records keep their catalogue numbers as {@code biblio_id}
 * and items theirs as {@code item_id}; record {@code n} of {@code N} was last changed {@code N − n}
 * minutes before seeding, so the catalogue has a history for incremental sync to page through.
 *
 * <p>The first hold in the queue of a record that has a copy on the shelf is trapped: it is waiting
 * ({@code W}) at its pickup library with that copy, picked up within {@value #PICKUP_DAYS} days.
 */
public final class DemoSeeder {

    public static final int PICKUP_DAYS = 7;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String MARKER = "demo_seeded_at";

    private final LibraryRepository libraries = new LibraryRepository();
    private final BiblioRepository biblios = new BiblioRepository();
    private final ItemRepository items = new ItemRepository();
    private final PatronRepository patrons = new PatronRepository();
    private final CheckoutRepository checkouts = new CheckoutRepository();
    private final HoldRepository holds = new HoldRepository();

    /** Seeds {@code database} unless it already was; returns whether it seeded. */
    public boolean seedIfEmpty(Database database, DemoCatalogue catalogue, Clock clock) {
        boolean seeded = database.read(connection ->
                Jdbc.count(connection, "SELECT COUNT(*) FROM settings WHERE name = ?", List.of(MARKER)) > 0);
        if (seeded) {
            return false;
        }
        // hashing is deliberately slow: do it before the transaction, on every core
        Map<String, String> hashes = new HashMap<>();
        catalogue.patrons().parallelStream()
                .filter(p -> p.password().isPresent())
                .map(p -> Map.entry(p.cardNumber(), Passwords.hash(p.password().get())))
                .toList()
                .forEach(e -> hashes.put(e.getKey(), e.getValue()));
        database.transaction(connection -> {
            seed(connection, catalogue, clock, hashes);
            Jdbc.update(connection, "INSERT INTO settings (name, val) VALUES (?, ?)", MARKER,
                    clock.instant().toString());
            return null;
        });
        LOG.info("Seeded the demo catalogue: {} records, {} items, {} patrons, {} loans, {} holds",
                catalogue.records().size(), catalogue.items().size(), catalogue.patrons().size(),
                catalogue.loans().size(), catalogue.holds().size());
        return true;
    }

    private void seed(Connection connection, DemoCatalogue catalogue, Clock clock, Map<String, String> hashes)
            throws SQLException {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);

        int order = 0;
        for (DemoBranch branch : catalogue.branches()) {
            libraries.insert(connection, new Library(branch.id(), branch.name(), branch.nameEn(), null, null, null,
                    null, null, null, null, null, null, null, null, null, null, branch.pickupLocation(), true,
                    branch.bookmobile(), order++));
        }

        Map<Integer, DemoRecord> records = new HashMap<>();
        List<DemoRecord> sorted = catalogue.records().stream().sorted(Comparator.comparingInt(DemoRecord::number))
                .toList();
        for (int i = 0; i < sorted.size(); i++) {
            DemoRecord record = sorted.get(i);
            records.put(record.number(), record);
            Instant changed = now.minus(Duration.ofMinutes(sorted.size() - i));
            biblios.insert(connection, biblio(record, changed, zone));
        }
        Jdbc.restartIdentity(connection, "biblios", "biblio_id");

        Map<Integer, DemoItem> itemsByNumber = new HashMap<>();
        for (DemoItem item : catalogue.items()) {
            DemoRecord record = records.get(item.recordNumber());
            boolean notForLoan = item.notForLoan() || record.flags().contains(RecordFlag.NOT_FOR_LOAN)
                    || record.flags().contains(RecordFlag.REFERENCE) || record.flags().contains(RecordFlag.NEWEST_ISSUE);
            items.insert(connection, Item.of(item.itemNumber(), item.recordNumber(), item.barcode(),
                    item.homeBranchId(), item.homeBranchId(), item.callNumber(), item.location(),
                    record.type().kohaItemType(), notForLoan ? 1 : 0, now));
            itemsByNumber.put(item.itemNumber(), item);
        }
        Jdbc.restartIdentity(connection, "items", "item_id");

        Map<String, Integer> patronIds = new LinkedHashMap<>();
        for (DemoPatron patron : catalogue.patrons()) {
            String hash = hashes.get(patron.cardNumber());
            int id = patrons.insert(connection, new Patron(null, patron.cardNumber(), patron.cardNumber(),
                    patron.surname(), blankToNull(patron.firstname()), blankToNull(patron.surnameReading()),
                    blankToNull(patron.firstnameReading()), blankToNull(patron.email()),
                    blankToNull(patron.secondaryEmail()), blankToNull(patron.phone()), null, patron.dateOfBirth(),
                    patron.branchId(), patron.category(), today.minusYears(1),
                    today.plusDays(patron.expiresInDays()), patron.restricted(),
                    blankToNull(patron.restrictionReason()), null, "default", 1, hash, hash == null ? null : now, 0,
                    blankToNull(patron.demonstratesJa()), blankToNull(patron.demonstratesEn()), now));
            if (!patron.restrictionType().isEmpty()) {
                Jdbc.update(connection, "UPDATE patrons SET restriction_type = ? WHERE patron_id = ?",
                        patron.restrictionType(), id);
            }
            patronIds.put(patron.cardNumber(), id);
        }

        Set<Integer> onLoan = new HashSet<>();
        for (DemoLoan loan : catalogue.loans()) {
            DemoItem item = itemsByNumber.get(loan.itemNumber());
            Instant due = today.plusDays(loan.dueInDays()).atTime(LocalTime.of(23, 59)).atZone(zone).toInstant();
            Instant out = now.minus(Duration.ofDays(loan.checkedOutDaysAgo()));
            checkouts.insert(connection, new Checkout(null, patronIds.get(loan.cardNumber()), loan.itemNumber(),
                    item.homeBranchId(), out, due, null, 0, 0, false, false, null, null, null, out));
            Jdbc.update(connection, "UPDATE items SET checkouts_count = checkouts_count + 1 WHERE item_id = ?",
                    loan.itemNumber());
            onLoan.add(loan.itemNumber());
        }

        Map<Integer, List<DemoHold>> queues = new LinkedHashMap<>();
        for (DemoHold hold : catalogue.holds()) {
            queues.computeIfAbsent(hold.recordNumber(), n -> new ArrayList<>()).add(hold);
        }
        Map<Integer, List<DemoItem>> copies = new HashMap<>();
        for (DemoItem item : catalogue.items()) {
            copies.computeIfAbsent(item.recordNumber(), n -> new ArrayList<>()).add(item);
        }
        for (Map.Entry<Integer, List<DemoHold>> queue : queues.entrySet()) {
            List<DemoHold> ordered = queue.getValue().stream()
                    .sorted(Comparator.comparingInt(DemoHold::placedDaysAgo).reversed()).toList();
            DemoItem onShelf = copies.getOrDefault(queue.getKey(), List.of()).stream()
                    .filter(c -> !c.notForLoan() && !onLoan.contains(c.itemNumber()))
                    .findFirst().orElse(null);
            int priority = 1;
            for (int i = 0; i < ordered.size(); i++) {
                DemoHold demo = ordered.get(i);
                LocalDate placed = today.minusDays(demo.placedDaysAgo());
                Hold hold = Hold.queued(patronIds.get(demo.cardNumber()), demo.recordNumber(), demo.pickupBranchId(),
                        placed, priority, now);
                if (i == 0 && onShelf != null && records.get(queue.getKey()).holdable()) {
                    LocalDate since = today.minusDays(Math.min(demo.placedDaysAgo(), 2));
                    hold = hold.waiting(onShelf.itemNumber(), since, since.plusDays(PICKUP_DAYS));
                    Jdbc.update(connection, "UPDATE items SET holding_library_id = ? WHERE item_id = ?",
                            demo.pickupBranchId(), onShelf.itemNumber());
                } else {
                    priority++;
                }
                holds.insert(connection, hold);
            }
        }
    }

    private static Biblio biblio(DemoRecord record, Instant changed, ZoneId zone) {
        boolean series = !record.series().isBlank();
        return Biblio.builder()
                .biblioId(record.number())
                .materialType(record.type().name())
                .itemType(record.type().kohaItemType())
                .language(switch (record.language()) {
                    case "ja" -> "jpn";
                    case "en" -> "eng";
                    default -> record.language();
                })
                .title(record.title())
                .titleReading(blankToNull(record.titleReading()))
                .subtitle(blankToNull(record.subtitle()))
                .partNumber(blankToNull(record.volume()))
                .seriesTitle(series ? record.series() : null)
                .seriesVolume(series ? blankToNull(record.volume()) : null)
                .author(blankToNull(record.author()))
                .authorReading(blankToNull(record.authorReading()))
                .publisher(blankToNull(record.publisher()))
                .publicationYear(record.year() > 0 ? Integer.toString(record.year()) : null)
                .copyrightDate(record.year() > 0 ? record.year() : null)
                .isbn(blankToNull(record.isbn()))
                .ndc(blankToNull(record.ndc()))
                .subjects(record.subjects())
                .serial(record.type() == MaterialType.MAGAZINE)
                .newestIssue(record.flags().contains(RecordFlag.NEWEST_ISSUE))
                .referenceOnly(record.flags().contains(RecordFlag.REFERENCE))
                .notForLoan(record.flags().contains(RecordFlag.NOT_FOR_LOAN))
                .source("demo")
                .sourceId(Integer.toString(record.number()))
                .creationDate(LocalDate.ofInstant(changed, zone))
                .updatedAt(changed)
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
