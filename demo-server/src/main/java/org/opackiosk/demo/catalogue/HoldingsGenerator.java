package org.opackiosk.demo.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the items, loans and holds of the demo catalogue from its records, branches and patrons. Everything
 * is derived from record, item and row numbers (no randomness), so the same TSV files always give the same data.
 *
 * <ul>
 * <li>Items: 1–4 per record; branches are taken in turn starting from {@code record number mod branch count};
 * the bookmobile gets only books, children's books and picture books; reference books, magazines and
 * audio-visual items stay in the buildings; old books (before 1950) and "not for loan" books live in the
 * closed stacks (書庫) of the first branch, the central library.</li>
 * <li>Loans: each patron gets the overdue and current loans patrons.tsv asks for (child patrons borrow children's
 * material); then about 15% of the remaining loanable items of every material type are lent, round robin, to
 * the ordinary patrons (adults in good standing whose cards are valid for more than a month and who already
 * borrow), never overdue.</li>
 * <li>Holds: on holdable records that have at least one item on loan, never on a record the patron has borrowed;
 * at most 10 book holds per patron, any further holds are audio-visual (DVD, CD); pickup at the patron's
 * branch. Each patron's first hold goes to one of three "popular" records, so some records have a queue; the
 * other holds spread over the catalogue.</li>
 * </ul>
 */
final class HoldingsGenerator {

    static final int LOAN_PERIOD_DAYS = 14;
    static final int BOOK_HOLD_LIMIT = 10;
    static final int STACKS_BEFORE_YEAR = 1950;
    static final double BACKGROUND_LOAN_SHARE = 0.15;

    static final String LOCATION_GENERAL = "一般開架";
    static final String LOCATION_CHILDREN = "児童コーナー";
    static final String LOCATION_PICTURE_BOOKS = "絵本コーナー";
    static final String LOCATION_MAGAZINES = "雑誌コーナー";
    static final String LOCATION_AUDIO_VISUAL = "AVコーナー";
    static final String LOCATION_KAMISHIBAI = "紙芝居コーナー";
    static final String LOCATION_REFERENCE = "参考図書（禁帯出）";
    static final String LOCATION_STACKS = "書庫";

    private static final Set<MaterialType> CHILD_LOAN_TYPES =
            EnumSet.of(MaterialType.CHILDREN, MaterialType.PICTURE_BOOK, MaterialType.KAMISHIBAI);
    private static final Set<MaterialType> ADULT_LOAN_TYPES =
            EnumSet.of(MaterialType.BOOK, MaterialType.MAGAZINE, MaterialType.DVD, MaterialType.CD);
    private static final Set<MaterialType> CHILD_HOLD_TYPES =
            EnumSet.of(MaterialType.CHILDREN, MaterialType.PICTURE_BOOK);
    private static final Set<MaterialType> ADULT_HOLD_TYPES = EnumSet.of(MaterialType.BOOK);
    private static final Set<MaterialType> AUDIO_VISUAL_TYPES = EnumSet.of(MaterialType.DVD, MaterialType.CD);

    private final List<DemoRecord> records;
    private final List<DemoBranch> branches;
    private final List<DemoCatalogue.PatronRow> patrons;
    private final Map<Integer, DemoRecord> recordsByNumber = new HashMap<>();

    HoldingsGenerator(List<DemoRecord> records, List<DemoBranch> branches, List<DemoCatalogue.PatronRow> patrons) {
        this.records = records;
        this.branches = branches;
        this.patrons = patrons;
        records.forEach(r -> recordsByNumber.put(r.number(), r));
    }

    // ---------------------------------------------------------------- items

    List<DemoItem> items() {
        List<DemoBranch> buildings = branches.stream().filter(b -> !b.bookmobile()).toList();
        DemoBranch central = buildings.getFirst();
        List<DemoItem> items = new ArrayList<>();
        int itemNumber = 0;
        for (DemoRecord record : records) {
            boolean reference = record.flags().contains(RecordFlag.REFERENCE);
            List<DemoBranch> eligible;
            if (inStacks(record)) {
                eligible = List.of(central);
            } else if (record.type().bookmobileMaterial() && !reference) {
                eligible = branches;
            } else {
                eligible = buildings;
            }
            int count = Math.min(itemCount(record), eligible.size());
            int start = record.number() % eligible.size();
            String callNumber = callNumber(record);
            String location = location(record);
            boolean notForLoan = notForLoan(record);
            for (int i = 0; i < count; i++) {
                itemNumber++;
                DemoBranch branch = eligible.get((start + i) % eligible.size());
                items.add(new DemoItem(itemNumber, record.number(), barcode(itemNumber), branch.id(), callNumber,
                        location, notForLoan));
            }
        }
        return List.copyOf(items);
    }

    static String barcode(int itemNumber) {
        return "1" + String.format("%09d", itemNumber);
    }

    static boolean inStacks(DemoRecord record) {
        return record.flags().contains(RecordFlag.NOT_FOR_LOAN)
                || (record.type() == MaterialType.BOOK && record.year() < STACKS_BEFORE_YEAR);
    }

    /** Reference books, "not for loan" records and the newest issue of a magazine are not lent. */
    static boolean notForLoan(DemoRecord record) {
        return !record.holdable();
    }

    static int itemCount(DemoRecord record) {
        int n = record.number();
        if (inStacks(record)) {
            return 1;
        }
        if (record.flags().contains(RecordFlag.REFERENCE)) {
            return 1 + n % 2;
        }
        return switch (record.type()) {
            case MAGAZINE -> record.flags().contains(RecordFlag.NEWEST_ISSUE) ? 2 : 1;
            case DVD, CD, KAMISHIBAI -> 1 + n % 2;
            case BOOK, CHILDREN, PICTURE_BOOK -> {
                if (!record.language().equals("ja")) {
                    yield 1 + n % 2;
                }
                int bucket = (n * 7 + 3) % 20; // 25% one copy, 35% two, 25% three, 15% four
                yield bucket < 5 ? 1 : bucket < 12 ? 2 : bucket < 17 ? 3 : 4;
            }
        };
    }

    static String location(DemoRecord record) {
        if (record.flags().contains(RecordFlag.REFERENCE)) {
            return LOCATION_REFERENCE;
        }
        if (inStacks(record)) {
            return LOCATION_STACKS;
        }
        return switch (record.type()) {
            case BOOK -> LOCATION_GENERAL;
            case CHILDREN -> LOCATION_CHILDREN;
            case PICTURE_BOOK -> LOCATION_PICTURE_BOOKS;
            case MAGAZINE -> LOCATION_MAGAZINES;
            case DVD, CD -> LOCATION_AUDIO_VISUAL;
            case KAMISHIBAI -> LOCATION_KAMISHIBAI;
        };
    }

    /** {@code NDC/著者記号/巻次}: 著者記号 is the first letter of the (first) author's reading, else of the title. */
    static String callNumber(DemoRecord record) {
        return record.ndc() + "/" + authorMark(record) + "/" + record.volume();
    }

    static String authorMark(DemoRecord record) {
        for (String source : List.of(firstOf(record.authorReading()), firstOf(record.author()),
                record.titleReading(), record.title())) {
            String s = source.strip();
            if (!s.isEmpty()) {
                return new String(Character.toChars(Character.toUpperCase(s.codePointAt(0))));
            }
        }
        return "";
    }

    private static String firstOf(String list) {
        int separator = list.indexOf(';');
        return separator < 0 ? list : list.substring(0, separator);
    }

    // ---------------------------------------------------------------- loans

    List<DemoLoan> loans(List<DemoItem> items) {
        List<DemoItem> loanable = items.stream()
                .filter(i -> !i.notForLoan())
                .sorted(Comparator.comparingLong((DemoItem i) -> scramble(i.itemNumber()))
                        .thenComparingInt(DemoItem::itemNumber))
                .toList();
        Set<Integer> lentItems = new HashSet<>();
        Map<String, Set<Integer>> lentRecords = new HashMap<>();
        List<DemoLoan> loans = new ArrayList<>();

        for (int p = 0; p < patrons.size(); p++) {
            DemoCatalogue.PatronRow row = patrons.get(p);
            DemoPatron patron = row.patron();
            Set<MaterialType> types = isChild(patron) ? CHILD_LOAN_TYPES : ADULT_LOAN_TYPES;
            for (int k = 0; k < row.overdueLoans(); k++) {
                DemoItem item = pickItem(loanable, types, lentItems, lentRecords, patron);
                // a suspension for overdue items comes from long-overdue loans
                int due = patron.restricted() ? -(35 + 9 * k) : -(3 + 6 * k + p % 3);
                loans.add(lend(item, patron, due, lentItems, lentRecords));
            }
            for (int k = 0; k < row.loans(); k++) {
                DemoItem item = pickItem(loanable, types, lentItems, lentRecords, patron);
                int due = 1 + Math.floorMod(item.itemNumber() * 5 + p, LOAN_PERIOD_DAYS);
                loans.add(lend(item, patron, due, lentItems, lentRecords));
            }
        }

        List<DemoPatron> ordinary = patrons.stream().filter(HoldingsGenerator::isOrdinary)
                .map(DemoCatalogue.PatronRow::patron).toList();
        if (!ordinary.isEmpty()) {
            List<DemoItem> background = backgroundLoans(loanable, lentItems);
            int next = 0;
            for (DemoItem item : background) {
                for (int tries = 0; tries < ordinary.size(); tries++) {
                    DemoPatron patron = ordinary.get(next++ % ordinary.size());
                    if (!lentRecords.getOrDefault(patron.cardNumber(), Set.of()).contains(item.recordNumber())) {
                        int due = 1 + Math.floorMod(item.itemNumber() * 3, LOAN_PERIOD_DAYS);
                        loans.add(lend(item, patron, due, lentItems, lentRecords));
                        break;
                    }
                }
            }
        }
        return List.copyOf(loans);
    }

    /** About {@link #BACKGROUND_LOAN_SHARE} of the still-available loanable items of each type, evenly spread. */
    private List<DemoItem> backgroundLoans(List<DemoItem> loanable, Set<Integer> lentItems) {
        Map<MaterialType, List<DemoItem>> available = new EnumMap<>(MaterialType.class);
        for (DemoItem item : loanable) {
            if (!lentItems.contains(item.itemNumber())) {
                available.computeIfAbsent(record(item).type(), t -> new ArrayList<>()).add(item);
            }
        }
        List<DemoItem> chosen = new ArrayList<>();
        for (List<DemoItem> ofType : available.values()) {
            int count = Math.max(1, (int) Math.round(ofType.size() * BACKGROUND_LOAN_SHARE));
            for (int i = 0; i < count; i++) {
                chosen.add(ofType.get(i * ofType.size() / count));
            }
        }
        chosen.sort(Comparator.comparingLong((DemoItem i) -> scramble(i.itemNumber() + 7919))
                .thenComparingInt(DemoItem::itemNumber));
        return chosen;
    }

    private DemoItem pickItem(List<DemoItem> loanable, Set<MaterialType> types, Set<Integer> lentItems,
            Map<String, Set<Integer>> lentRecords, DemoPatron patron) {
        Set<Integer> own = lentRecords.getOrDefault(patron.cardNumber(), Set.of());
        for (DemoItem item : loanable) {
            if (!lentItems.contains(item.itemNumber()) && types.contains(record(item).type())
                    && !own.contains(item.recordNumber())) {
                return item;
            }
        }
        throw new IllegalStateException(DemoCatalogue.PATRONS_FILE + ": not enough loanable " + types
                + " items for the loans of card " + patron.cardNumber());
    }

    private static DemoLoan lend(DemoItem item, DemoPatron patron, int dueInDays, Set<Integer> lentItems,
            Map<String, Set<Integer>> lentRecords) {
        lentItems.add(item.itemNumber());
        lentRecords.computeIfAbsent(patron.cardNumber(), c -> new HashSet<>()).add(item.recordNumber());
        return new DemoLoan(patron.cardNumber(), item.itemNumber(), dueInDays, LOAN_PERIOD_DAYS - dueInDays);
    }

    /** An adult in good standing who already borrows: the background loans go to these patrons. */
    static boolean isOrdinary(DemoCatalogue.PatronRow row) {
        DemoPatron patron = row.patron();
        return patron.category().equals("ADULT")
                && !patron.restricted()
                && patron.password().isPresent()
                && patron.expiresInDays() > 31
                && row.overdueLoans() == 0
                && row.loans() > 0
                && row.holds() <= BOOK_HOLD_LIMIT;
    }

    // ---------------------------------------------------------------- holds

    List<DemoHold> holds(List<DemoItem> items, List<DemoLoan> loans) {
        Map<Integer, DemoItem> itemsByNumber = new HashMap<>();
        items.forEach(i -> itemsByNumber.put(i.itemNumber(), i));
        Set<Integer> recordsOnLoan = new HashSet<>();
        Map<String, Set<Integer>> borrowed = new HashMap<>();
        for (DemoLoan loan : loans) {
            int recordNumber = itemsByNumber.get(loan.itemNumber()).recordNumber();
            recordsOnLoan.add(recordNumber);
            borrowed.computeIfAbsent(loan.cardNumber(), c -> new HashSet<>()).add(recordNumber);
        }
        List<DemoRecord> candidates = records.stream()
                .filter(r -> r.holdable() && recordsOnLoan.contains(r.number()))
                .sorted(Comparator.comparingLong((DemoRecord r) -> scramble(r.number()))
                        .thenComparingInt(DemoRecord::number))
                .toList();
        Pool adultBooks = new Pool(candidates, ADULT_HOLD_TYPES);
        Pool childrenBooks = new Pool(candidates, CHILD_HOLD_TYPES);
        Pool audioVisual = new Pool(candidates, AUDIO_VISUAL_TYPES);
        DemoBranch firstPickup = branches.stream().filter(DemoBranch::pickupLocation).findFirst()
                .orElseThrow(() -> new IllegalStateException(DemoCatalogue.BRANCHES_FILE
                        + ": no branch is a pickup location"));
        Map<String, DemoBranch> branchesById = new HashMap<>();
        branches.forEach(b -> branchesById.put(b.id(), b));

        List<DemoHold> holds = new ArrayList<>();
        for (int p = 0; p < patrons.size(); p++) {
            DemoCatalogue.PatronRow row = patrons.get(p);
            DemoPatron patron = row.patron();
            DemoBranch home = branchesById.get(patron.branchId());
            String pickup = home.pickupLocation() ? home.id() : firstPickup.id();
            Set<Integer> excluded = new LinkedHashSet<>(borrowed.getOrDefault(patron.cardNumber(), Set.of()));
            int books = Math.min(row.holds(), BOOK_HOLD_LIMIT);
            Pool bookPool = isChild(patron) ? childrenBooks : adultBooks;
            for (int k = 0; k < row.holds(); k++) {
                Pool pool = k < books ? bookPool : audioVisual;
                // each patron's first hold goes to one of a few popular records, so that queues form
                DemoRecord record = k == 0 ? pool.popular(p, excluded, patron) : pool.next(excluded, patron);
                excluded.add(record.number());
                // distinct per patron for the first hold, so the queue order on a popular record is well defined
                holds.add(new DemoHold(patron.cardNumber(), record.number(), pickup, 1 + p + 2 * k));
            }
        }
        return List.copyOf(holds);
    }

    /**
     * Hands out candidate records in turn, so that holds spread over the catalogue; the first
     * three candidates are the "popular" records several patrons wait for.
     */
    private static final class Pool {
        private static final int POPULAR = 3;

        private final List<DemoRecord> records;
        private final Set<MaterialType> types;
        private int cursor;

        Pool(List<DemoRecord> candidates, Set<MaterialType> types) {
            this.records = candidates.stream().filter(r -> types.contains(r.type())).toList();
            this.types = types;
            this.cursor = Math.min(POPULAR, records.size());
        }

        DemoRecord popular(int patronIndex, Set<Integer> excluded, DemoPatron patron) {
            int popular = Math.min(POPULAR, records.size());
            for (int i = 0; i < popular; i++) {
                DemoRecord record = records.get((patronIndex + i) % popular);
                if (!excluded.contains(record.number())) {
                    return record;
                }
            }
            return next(excluded, patron);
        }

        DemoRecord next(Set<Integer> excluded, DemoPatron patron) {
            for (int tries = 0; tries < records.size(); tries++) {
                DemoRecord record = records.get(cursor++ % records.size());
                if (!excluded.contains(record.number())) {
                    return record;
                }
            }
            throw new IllegalStateException(DemoCatalogue.PATRONS_FILE + ": not enough holdable " + types
                    + " records on loan for the holds of card " + patron.cardNumber());
        }
    }

    // ---------------------------------------------------------------- helpers

    private DemoRecord record(DemoItem item) {
        return recordsByNumber.get(item.recordNumber());
    }

    private static boolean isChild(DemoPatron patron) {
        return patron.category().equals("CHILD");
    }

    /** A fixed permutation of the int range (golden-ratio multiplication), used to spread picks deterministically. */
    static long scramble(int n) {
        return Integer.toUnsignedLong(n * 0x9E3779B1);
    }
}
