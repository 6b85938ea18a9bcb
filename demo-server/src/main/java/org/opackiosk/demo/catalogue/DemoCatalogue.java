package org.opackiosk.demo.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The demo catalogue of the fictional みどり市立図書館 (Midori City Library): records, branches and patrons read
 * from the TSV resources beside this class, and the items, loans and holds generated deterministically from them
 * (the same files always give the same catalogue).
 *
 * <p>All lists are immutable. Loans and holds are relative to "today" (days before/after), so the demo server
 * turns them into dates when it starts.
 */
public final class DemoCatalogue {

    static final String RECORDS_FILE = "records.tsv";
    static final String BRANCHES_FILE = "branches.tsv";
    static final String PATRONS_FILE = "patrons.tsv";

    static final List<String> RECORD_COLUMNS = List.of("number", "type", "language", "title", "title_reading",
            "subtitle", "series", "volume", "author", "author_reading", "publisher", "year", "isbn", "ndc",
            "subjects", "flags");
    static final List<String> BRANCH_COLUMNS = List.of("id", "name", "name_en", "pickup_location", "bookmobile");
    static final List<String> PATRON_COLUMNS = List.of("card_number", "password", "surname", "firstname",
            "surname_reading", "firstname_reading", "email", "secondary_email", "phone", "date_of_birth", "branch",
            "category", "expires_in_days", "restricted", "restriction_reason", "restriction_type", "overdue_loans", "loans", "holds",
            "demonstrates_ja", "demonstrates_en");

    static final String LIST_SEPARATOR = " ; ";
    private static final Pattern LANGUAGE = Pattern.compile("ja|en");
    private static final Pattern ISBN13 = Pattern.compile("|[0-9]{13}");
    private static final Pattern NDC = Pattern.compile("[0-9]{3}(\\.[0-9]+)?|E|K");
    private static final Pattern CARD_NUMBER = Pattern.compile("0[0-9]{7}");
    private static final Pattern PASSWORD = Pattern.compile("|[A-Za-z0-9]{4,10}");
    private static final Pattern BRANCH_ID = Pattern.compile("[A-Z][A-Z0-9]*");
    private static final Pattern CATEGORY = Pattern.compile("ADULT|CHILD|STAFF");
    // Koha's restriction types (OVERDUES, SUSPENSION, MANUAL, DISCHARGE) or a library-defined code like DEBT
    private static final Pattern RESTRICTION_TYPE = Pattern.compile("|[A-Z][A-Z_]{0,49}");

    /** A patrons.tsv row: the patron and how many loans and holds the loader should generate for them. */
    record PatronRow(DemoPatron patron, int overdueLoans, int loans, int holds) {
    }

    private final List<DemoRecord> records;
    private final List<DemoBranch> branches;
    private final List<DemoItem> items;
    private final List<DemoPatron> patrons;
    private final List<DemoLoan> loans;
    private final List<DemoHold> holds;

    private DemoCatalogue(List<DemoRecord> records, List<DemoBranch> branches, List<DemoItem> items,
            List<DemoPatron> patrons, List<DemoLoan> loans, List<DemoHold> holds) {
        this.records = List.copyOf(records);
        this.branches = List.copyOf(branches);
        this.items = List.copyOf(items);
        this.patrons = List.copyOf(patrons);
        this.loans = List.copyOf(loans);
        this.holds = List.copyOf(holds);
    }

    /**
     * Reads records.tsv, branches.tsv and patrons.tsv from the classpath and generates items, loans and holds.
     *
     * @throws IllegalStateException naming the file, line and column of a malformed row
     */
    public static DemoCatalogue load() {
        try (Reader records = resource(RECORDS_FILE);
                Reader branches = resource(BRANCHES_FILE);
                Reader patrons = resource(PATRONS_FILE)) {
            return load(records, branches, patrons);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo catalogue", e);
        }
    }

    /** Builds a catalogue from the three TSV texts (for tests and tools). */
    static DemoCatalogue load(Reader recordsTsv, Reader branchesTsv, Reader patronsTsv) {
        List<DemoRecord> records = parseRecords(recordsTsv, RECORDS_FILE);
        List<DemoBranch> branches = parseBranches(branchesTsv, BRANCHES_FILE);
        List<PatronRow> patronRows = parsePatrons(patronsTsv, PATRONS_FILE, branches);
        HoldingsGenerator generator = new HoldingsGenerator(records, branches, patronRows);
        List<DemoItem> items = generator.items();
        List<DemoLoan> loans = generator.loans(items);
        List<DemoHold> holds = generator.holds(items, loans);
        return new DemoCatalogue(records, branches, items, patronRows.stream().map(PatronRow::patron).toList(),
                loans, holds);
    }

    private static Reader resource(String name) {
        InputStream in = DemoCatalogue.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + ": demo catalogue resource not found beside "
                    + DemoCatalogue.class.getName());
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static List<DemoRecord> parseRecords(Reader reader, String fileName) {
        TsvTable table = TsvTable.read(reader, fileName, RECORD_COLUMNS);
        List<DemoRecord> result = new ArrayList<>();
        int previous = 0;
        for (TsvTable.Row row : table.rows()) {
            int number = row.integer("number");
            if (number <= previous) {
                throw row.error("number", "numbers must be unique and ascending, but " + number + " follows "
                        + previous);
            }
            previous = number;
            MaterialType type = row.enumValue("type", MaterialType.class);
            String language = row.matching("language", LANGUAGE, "ja or en");
            String title = row.required("title");
            int year = row.integer("year");
            if (year < 1800 || year > 2100) {
                throw row.error("year", "expected a year between 1800 and 2100 but found " + year);
            }
            String isbn = row.matching("isbn", ISBN13, "13 digits without hyphens, or nothing");
            if (!isbn.isEmpty() && !Isbn.validIsbn13(isbn)) {
                throw row.error("isbn", "wrong check digit in ISBN " + isbn);
            }
            String ndc = row.matching("ndc", NDC, "an NDC class like 913.6, or E (picture book), or K (紙芝居)");
            List<RecordFlag> flags = new ArrayList<>();
            for (String flag : row.text("flags").split(",", -1)) {
                String name = flag.strip();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    flags.add(RecordFlag.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw row.error("flags", "unknown flag '" + name + "'; expected some of "
                            + List.of(RecordFlag.values()));
                }
            }
            result.add(new DemoRecord(number, type, language, title, row.text("title_reading"),
                    row.text("subtitle"), row.text("series"), row.text("volume"), row.text("author"),
                    row.text("author_reading"), row.text("publisher"), year, isbn, ndc,
                    row.list("subjects", LIST_SEPARATOR), Set.copyOf(flags)));
        }
        if (result.isEmpty()) {
            throw new IllegalStateException(fileName + ": no records");
        }
        return List.copyOf(result);
    }

    static List<DemoBranch> parseBranches(Reader reader, String fileName) {
        TsvTable table = TsvTable.read(reader, fileName, BRANCH_COLUMNS);
        List<DemoBranch> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TsvTable.Row row : table.rows()) {
            String id = row.matching("id", BRANCH_ID, "an upper-case branch id like CEN");
            if (!ids.add(id)) {
                throw row.error("id", "duplicate branch id " + id);
            }
            result.add(new DemoBranch(id, row.required("name"), row.required("name_en"),
                    row.bool("pickup_location"), row.bool("bookmobile")));
        }
        if (result.stream().allMatch(DemoBranch::bookmobile)) {
            throw new IllegalStateException(fileName + ": at least one branch must not be a bookmobile");
        }
        return List.copyOf(result);
    }

    static List<PatronRow> parsePatrons(Reader reader, String fileName, List<DemoBranch> branches) {
        TsvTable table = TsvTable.read(reader, fileName, PATRON_COLUMNS);
        Set<String> branchIds = new HashSet<>();
        branches.forEach(b -> branchIds.add(b.id()));
        List<PatronRow> result = new ArrayList<>();
        Set<String> cards = new HashSet<>();
        for (TsvTable.Row row : table.rows()) {
            String card = row.matching("card_number", CARD_NUMBER, "8 digits starting with 0");
            if (!cards.add(card)) {
                throw row.error("card_number", "duplicate card number " + card);
            }
            // never echo a password in an error message
            String password = row.text("password");
            if (!PASSWORD.matcher(password).matches()) {
                throw row.error("password", "expected 4 to 10 half-width letters or digits, or nothing");
            }
            String branch = row.text("branch");
            if (!branchIds.contains(branch)) {
                throw row.error("branch", "unknown branch '" + branch + "'; expected one of " + branchIds);
            }
            DemoPatron patron = new DemoPatron(card, password.isEmpty() ? Optional.empty() : Optional.of(password),
                    row.required("surname"), row.text("firstname"), row.text("surname_reading"),
                    row.text("firstname_reading"), row.text("email"), row.text("secondary_email"), row.text("phone"),
                    row.date("date_of_birth"), branch, row.matching("category", CATEGORY, "ADULT, CHILD or STAFF"),
                    row.integer("expires_in_days"), row.bool("restricted"), row.text("restriction_reason"),
                    row.matching("restriction_type", RESTRICTION_TYPE, "a Koha restriction type like OVERDUES, or nothing"),
                    row.required("demonstrates_ja"), row.required("demonstrates_en"));
            result.add(new PatronRow(patron, row.nonNegative("overdue_loans"), row.nonNegative("loans"),
                    row.nonNegative("holds")));
        }
        return List.copyOf(result);
    }

    public List<DemoRecord> records() {
        return records;
    }

    public List<DemoBranch> branches() {
        return branches;
    }

    public List<DemoItem> items() {
        return items;
    }

    public List<DemoPatron> patrons() {
        return patrons;
    }

    public List<DemoLoan> loans() {
        return loans;
    }

    public List<DemoHold> holds() {
        return holds;
    }
}
