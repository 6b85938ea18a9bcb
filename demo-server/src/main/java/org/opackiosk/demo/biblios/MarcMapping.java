package org.opackiosk.demo.biblios;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.opackiosk.demo.catalogue.MaterialType;

/**
 * MARC21 for the records, both ways, with marc4j.
 *
 * <p>Records built from the columns (the demo catalogue, Aozora imports):
 * <ul>
 *   <li>leader type {@code a} (books, magazines), {@code g} (DVD), {@code j} (CD), {@code k} (紙芝居);
 *       bibliographic level {@code s} for magazines, {@code m} otherwise; coding scheme {@code a} (UTF-8);</li>
 *   <li>001 biblio_id, 005 last change, 008 with date, year, place {@code ja}, target audience {@code j}
 *       for children's material and language (35–37);</li>
 *   <li>020 ISBN, 022 ISSN, 084 NDC ({@code $2 njb/10}), 100 first author and 700 the others, 245
 *       {@code $a} title {@code $b} subtitle {@code $n} volume, 250, 260 {@code $a $b $c}, 300, 490 series
 *       {@code $v} volume, 500, 520, 650 subjects ({@code _7 $2 ndlsh}), 856, 942 {@code $c} item type,
 *       999 {@code $c $d} biblio_id (Koha's biblionumber);</li>
 *   <li><b>readings (ヨミ)</b> in 880 fields linked both ways with {@code $6} to the field they read, script
 *       code {@code $1} (CJK), the way Japanese MARC21 carries 読み: 245 {@code $6 880-01} ↔ 880
 *       {@code $6 245-01/$1 $a タイトル ノ ヨミ}, and the same for 100 and 700. Readings are full-width
 *       katakana; a client tells a reading 880 from a vernacular-script 880 of a foreign record by that.</li>
 * </ul>
 * Imported MARC records are served as they were imported, with their 999 replaced by this server's.
 */
public final class MarcMapping {

    public static final String MARCXML_NAMESPACE = "http://www.loc.gov/MARC21/slim";
    private static final DateTimeFormatter STAMP_005 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'.0'");
    private static final DateTimeFormatter DATE_008 = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Pattern YEAR = Pattern.compile("(1[0-9]{3}|20[0-9]{2})");
    private static final Pattern KANA_READING = Pattern.compile("[\\p{InKatakana}\\p{InHiragana}ー・,;\\s　]+");

    private final MarcFactory factory = MarcFactory.newInstance();

    /** The MARC21 record served for {@code biblio}. */
    public Record toMarc(Biblio biblio, ZoneId zone) {
        if (biblio.marcxml() != null) {
            Record record = parse(biblio.marcxml());
            setLocalId(record, biblio.biblioId());
            return record;
        }
        Record record = factory.newRecord(leader(biblio));
        record.addVariableField(factory.newControlField("001", String.valueOf(biblio.biblioId())));
        record.addVariableField(factory.newControlField("005", STAMP_005.format(biblio.updatedAt().atZone(zone))));
        record.addVariableField(factory.newControlField("008", field008(biblio)));
        Linker linker = new Linker();
        if (present(biblio.isbn())) {
            for (String isbn : biblio.isbn().split("\\s*\\|\\s*")) {
                record.addVariableField(field("020", ' ', ' ', 'a', isbn));
            }
        }
        if (present(biblio.issn())) {
            record.addVariableField(field("022", ' ', ' ', 'a', biblio.issn()));
        }
        if (present(biblio.ndc())) {
            record.addVariableField(field("084", ' ', ' ', 'a', biblio.ndc(), '2', "njb/10"));
        }
        List<String> authors = split(biblio.author());
        List<String> authorReadings = split(biblio.authorReading());
        for (int i = 0; i < authors.size(); i++) {
            String tag = i == 0 ? "100" : "700";
            DataField author = field(tag, '1', ' ', 'a', authors.get(i));
            String reading = i < authorReadings.size() ? authorReadings.get(i) : null;
            linker.link(record, author, reading);
        }
        DataField title = field("245", authors.isEmpty() ? '0' : '1', '0', 'a', biblio.title());
        addIfPresent(title, 'b', biblio.subtitle());
        addIfPresent(title, 'n', biblio.partNumber());
        addIfPresent(title, 'p', biblio.partName());
        linker.link(record, title, biblio.titleReading());
        if (present(biblio.editionStatement())) {
            record.addVariableField(field("250", ' ', ' ', 'a', biblio.editionStatement()));
        }
        if (present(biblio.publisher()) || present(biblio.publicationYear()) || present(biblio.publicationPlace())) {
            DataField publication = factory.newDataField("260", ' ', ' ');
            addIfPresent(publication, 'a', biblio.publicationPlace());
            addIfPresent(publication, 'b', biblio.publisher());
            addIfPresent(publication, 'c', biblio.publicationYear());
            record.addVariableField(publication);
        }
        if (present(biblio.pages()) || present(biblio.materialSize())) {
            DataField physical = factory.newDataField("300", ' ', ' ');
            addIfPresent(physical, 'a', biblio.pages());
            addIfPresent(physical, 'c', biblio.materialSize());
            record.addVariableField(physical);
        }
        if (present(biblio.seriesTitle())) {
            DataField series = field("490", '0', ' ', 'a', biblio.seriesTitle());
            addIfPresent(series, 'v', biblio.seriesVolume());
            record.addVariableField(series);
        }
        if (present(biblio.notes())) {
            record.addVariableField(field("500", ' ', ' ', 'a', biblio.notes()));
        }
        if (present(biblio.abstractText())) {
            record.addVariableField(field("520", ' ', ' ', 'a', biblio.abstractText()));
        }
        for (String subject : biblio.subjects()) {
            record.addVariableField(field("650", ' ', '7', 'a', subject, '2', "ndlsh"));
        }
        if (present(biblio.url())) {
            record.addVariableField(field("856", '4', '0', 'u', biblio.url()));
        }
        if (present(biblio.itemType())) {
            DataField koha = field("942", ' ', ' ', 'c', biblio.itemType());
            if (present(biblio.ndc())) {
                koha.addSubfield(factory.newSubfield('2', "ndc"));
            }
            record.addVariableField(koha);
        }
        record.addVariableField(field("999", ' ', ' ', 'c', String.valueOf(biblio.biblioId()),
                'd', String.valueOf(biblio.biblioId())));
        return record;
    }

    /**
     * Puts the record's copies in as 952 fields, as Koha does when it embeds items in MARC ({@code $9} item id,
     * {@code $a} home and {@code $b} holding library, {@code $c} shelf location, {@code $o} call number,
     * {@code $p} barcode, {@code $y} item type), replacing any 952 the record was imported with.
     */
    public void embedItems(Record record, List<org.opackiosk.demo.items.Item> items) {
        for (VariableField old : record.getVariableFields("952")) {
            record.removeVariableField(old);
        }
        for (org.opackiosk.demo.items.Item item : items) {
            DataField field = factory.newDataField("952", ' ', ' ');
            field.addSubfield(factory.newSubfield('9', String.valueOf(item.itemId())));
            addIfPresent(field, 'a', item.homeLibraryId());
            addIfPresent(field, 'b', item.holdingLibraryId());
            addIfPresent(field, 'c', item.location());
            addIfPresent(field, 'o', item.callnumber());
            addIfPresent(field, 'p', item.barcode());
            addIfPresent(field, 'y', item.itemType());
            record.addVariableField(field);
        }
    }

    /**
     * The columns of an imported MARC21 record, mapped the way Koha's default MARC21 framework maps
     * them (245$a title, 100$a author, 260/264 $b publisher …), plus NDC from 084 with {@code $2 njb…},
     * and readings from 880 fields in the form {@link #toMarc} writes.
     */
    public Biblio.Builder fromMarc(Record record) {
        Biblio.Builder builder = Biblio.builder();
        Optional<DataField> title = first(record, "245");
        builder.title(title.map(f -> clean(sub(f, 'a'))).filter(MarcMapping::present).orElse("(no title)"));
        title.ifPresent(f -> {
            builder.subtitle(clean(sub(f, 'b')));
            builder.partNumber(clean(sub(f, 'n')));
            builder.partName(clean(sub(f, 'p')));
            builder.titleReading(reading(record, f));
        });
        Optional<DataField> author = first(record, "100").or(() -> first(record, "110")).or(() -> first(record, "111"));
        author.ifPresent(f -> {
            builder.author(clean(sub(f, 'a')));
            builder.authorReading(reading(record, f));
        });
        Optional<DataField> publication = first(record, "260").or(() -> fields(record, "264").stream()
                .filter(f -> f.getIndicator2() == '1').findFirst());
        publication.ifPresent(f -> {
            builder.publicationPlace(clean(sub(f, 'a')));
            builder.publisher(clean(sub(f, 'b')));
            builder.publicationYear(clean(sub(f, 'c')));
        });
        builder.copyrightDate(year(publication.map(f -> sub(f, 'c')).orElse(null), controlField(record, "008")));
        builder.isbn(joined(record, "020", 'a'));
        builder.issn(joined(record, "022", 'a'));
        builder.lcControlNumber(first(record, "010").map(f -> sub(f, 'a')).map(String::strip).orElse(null));
        builder.editionStatement(first(record, "250").map(f -> clean(sub(f, 'a'))).orElse(null));
        first(record, "300").ifPresent(f -> {
            builder.pages(clean(sub(f, 'a')));
            builder.materialSize(clean(sub(f, 'c')));
        });
        first(record, "490").or(() -> first(record, "440")).ifPresent(f -> {
            builder.seriesTitle(clean(sub(f, 'a')));
            builder.seriesVolume(clean(sub(f, 'v')));
        });
        builder.notes(joined(record, "500", 'a'));
        builder.abstractText(first(record, "520").map(f -> sub(f, 'a')).orElse(null));
        builder.url(first(record, "856").map(f -> sub(f, 'u')).orElse(null));
        builder.ndc(fields(record, "084").stream()
                .filter(f -> Optional.ofNullable(sub(f, '2')).orElse("").startsWith("njb"))
                .map(f -> sub(f, 'a')).filter(MarcMapping::present).findFirst().orElse(null));
        List<String> subjects = new ArrayList<>();
        for (DataField subject : fields(record, "650")) {
            String value = clean(sub(subject, 'a'));
            if (present(value) && !subjects.contains(value)) {
                subjects.add(value);
            }
        }
        builder.subjects(subjects);
        String itemType = first(record, "942").map(f -> sub(f, 'c')).map(String::strip).orElse(null);
        builder.itemType(itemType);
        builder.materialType(materialType(itemType).name());
        builder.serial(record.getLeader().getImplDefined1().length > 0 && record.getLeader().getImplDefined1()[0] == 's');
        builder.language(language(record));
        builder.sourceId(first(record, "999").map(f -> sub(f, 'c'))
                .or(() -> Optional.ofNullable(controlField(record, "001"))).map(String::strip).orElse(null));
        return builder;
    }

    /** The demo material type for a Koha item type; {@code BOOK} when unknown. */
    public static MaterialType materialType(String kohaItemType) {
        for (MaterialType type : MaterialType.values()) {
            if (type.kohaItemType().equalsIgnoreCase(kohaItemType == null ? "" : kohaItemType.strip())) {
                return type;
            }
        }
        return MaterialType.BOOK;
    }

    /** Parses one MARCXML record ({@code <record>} or a one-record {@code <collection>}). */
    public static Record parse(String marcxml) {
        MarcReader reader = new MarcXmlReader(new ByteArrayInputStream(marcxml.getBytes(StandardCharsets.UTF_8)));
        if (!reader.hasNext()) {
            throw new IllegalArgumentException("no MARC record in the stored MARCXML");
        }
        return reader.next();
    }

    private void setLocalId(Record record, int biblioId) {
        for (VariableField old : record.getVariableFields("999")) {
            record.removeVariableField(old);
        }
        record.addVariableField(field("999", ' ', ' ', 'c', String.valueOf(biblioId), 'd', String.valueOf(biblioId)));
        char[] leader = record.getLeader().marshal().toCharArray();
        if (leader.length == 24 && leader[9] == ' ') {
            // stored records were read from UTF-8 XML: say so for ISO 2709 output
            record.getLeader().setCharCodingScheme('a');
        }
    }

    private static String leader(Biblio biblio) {
        MaterialType type;
        try {
            type = MaterialType.valueOf(biblio.materialType());
        } catch (IllegalArgumentException e) {
            type = MaterialType.BOOK;
        }
        char recordType = switch (type) {
            case DVD -> 'g';
            case CD -> 'j';
            case KAMISHIBAI -> 'k';
            default -> 'a';
        };
        char level = type == MaterialType.MAGAZINE || biblio.serial() ? 's' : 'm';
        return "00000n" + recordType + level + " a2200000 i 4500";
    }

    private static String field008(Biblio biblio) {
        char[] f = " ".repeat(40).toCharArray();
        put(f, 0, DATE_008.format(biblio.creationDate()));
        f[6] = 's';
        Integer year = biblio.copyrightDate();
        put(f, 7, year == null ? "||||" : String.format(Locale.ROOT, "%04d", year));
        put(f, 15, "ja ");
        String material = biblio.materialType();
        if (material.equals("CHILDREN") || material.equals("PICTURE_BOOK") || material.equals("KAMISHIBAI")) {
            f[22] = 'j';
        }
        put(f, 35, present(biblio.language()) && biblio.language().length() == 3 ? biblio.language() : "und");
        f[39] = 'd';
        return new String(f);
    }

    private static void put(char[] target, int at, String value) {
        value.getChars(0, value.length(), target, at);
    }

    /** Adds {@code field}, and its reading as a linked 880 when there is one. */
    private final class Linker {
        private int occurrence;

        void link(Record record, DataField field, String reading) {
            if (present(reading)) {
                String number = String.format(Locale.ROOT, "%02d", ++occurrence);
                field.addSubfield(0, factory.newSubfield('6', "880-" + number));
                DataField alternate = factory.newDataField("880", field.getIndicator1(), field.getIndicator2());
                alternate.addSubfield(factory.newSubfield('6', field.getTag() + "-" + number + "/$1"));
                alternate.addSubfield(factory.newSubfield('a', reading));
                record.addVariableField(field);
                record.addVariableField(alternate);
            } else {
                record.addVariableField(field);
            }
        }
    }

    private static String reading(Record record, DataField field) {
        String link = sub(field, '6');
        if (link == null || !link.startsWith("880-") || link.length() < 6) {
            return null;
        }
        String occurrence = link.substring(4, 6);
        for (DataField alternate : fields(record, "880")) {
            String back = sub(alternate, '6');
            if (back != null && back.startsWith(field.getTag() + "-" + occurrence)) {
                String value = sub(alternate, 'a');
                return value != null && KANA_READING.matcher(value).matches() ? value.strip() : null;
            }
        }
        return null;
    }

    private DataField field(String tag, char ind1, char ind2, char code, String value) {
        DataField field = factory.newDataField(tag, ind1, ind2);
        field.addSubfield(factory.newSubfield(code, value));
        return field;
    }

    private DataField field(String tag, char ind1, char ind2, char code1, String value1, char code2, String value2) {
        DataField field = field(tag, ind1, ind2, code1, value1);
        field.addSubfield(factory.newSubfield(code2, value2));
        return field;
    }

    private void addIfPresent(DataField field, char code, String value) {
        if (present(value)) {
            field.addSubfield(factory.newSubfield(code, value));
        }
    }

    private static List<String> split(String joined) {
        if (!present(joined)) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("\\s+;\\s+")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static List<DataField> fields(Record record, String tag) {
        List<DataField> result = new ArrayList<>();
        for (VariableField field : record.getVariableFields(tag)) {
            if (field instanceof DataField data) {
                result.add(data);
            }
        }
        return result;
    }

    private static Optional<DataField> first(Record record, String tag) {
        List<DataField> all = fields(record, tag);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    private static String controlField(Record record, String tag) {
        VariableField field = record.getVariableField(tag);
        return field instanceof ControlField control ? control.getData() : null;
    }

    private static String sub(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }

    private static String joined(Record record, String tag, char code) {
        List<String> values = new ArrayList<>();
        for (DataField field : fields(record, tag)) {
            String value = sub(field, code);
            if (present(value)) {
                values.add(value.strip());
            }
        }
        return values.isEmpty() ? null : String.join(" | ", values);
    }

    private static Integer year(String publicationDate, String field008) {
        if (publicationDate != null) {
            Matcher matcher = YEAR.matcher(publicationDate);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        if (field008 != null && field008.length() >= 11) {
            Matcher matcher = YEAR.matcher(field008.substring(7, 11));
            if (matcher.matches()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return null;
    }

    private static String language(Record record) {
        String f008 = controlField(record, "008");
        if (f008 != null && f008.length() >= 38) {
            String code = f008.substring(35, 38).strip();
            if (code.length() == 3 && code.chars().allMatch(Character::isLetter)) {
                return code.toLowerCase(Locale.ROOT);
            }
        }
        return first(record, "041").map(f -> sub(f, 'a')).filter(v -> v != null && v.strip().length() == 3)
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse(null);
    }

    /** Drops ISBD punctuation that ends a subfield (" /", " :", " ;", " =", ","). */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String result = value.strip();
        while (!result.isEmpty() && " /:;=,".indexOf(result.charAt(result.length() - 1)) >= 0) {
            result = result.substring(0, result.length() - 1).strip();
        }
        return result.isEmpty() ? null : result;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
