package org.opackiosk.circulation.koha;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.opackiosk.core.catalogue.CatalogueEntry;

/**
 * Reads a MARC21 bibliographic record, the way Koha's default MARC21 framework maps it, into the
 * kiosk's {@link CatalogueEntry}: 245 title ($a $b $n $p), 100/110/111 and 700/710 creators, 260/264
 * publication, 250 edition, 490/440/830 series ($a $v), 600/610/650/651 subjects, 084 NDC ({@code $2 njb…}),
 * 020 ISBN, 942 $c item type, 008 year and language, 300/500/520 description, 952 copies ($9 item, $a home
 * branch, $o call number, $c shelf location), 999 $c (Koha's biblionumber, else 001) as the id.
 *
 * <p><b>Readings (ヨミ)</b> are 880 fields linked with {@code $6} to the field they read (245 {@code $6 880-01}
 * ↔ 880 {@code $6 245-01/$1 $a ココロ}); an 880 in kana is a reading, anything else (a vernacular-script
 * original of a romanised field) is not. ISBD punctuation at the end of a subfield (" /", " :", " ;") is
 * dropped. Stateless and thread-safe.
 */
final class KohaMarc {

    private static final DateTimeFormatter STAMP_005 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern YEAR = Pattern.compile("(1[0-9]{3}|20[0-9]{2})");
    private static final Pattern KANA = Pattern.compile("[\\p{InKatakana}\\p{InHiragana}\\p{InHalfwidth_and_Fullwidth_Forms}ー・,，、;；\\s　]+");
    private static final Pattern ISBN_TOKEN = Pattern.compile("[0-9Xx][0-9Xx\\- ]{8,16}[0-9Xx]");

    private KohaMarc() {
    }

    /** @throws MalformedResponseException when the record has no id */
    static CatalogueEntry entry(Record record, ZoneId zone) throws MalformedResponseException {
        String id = first(record, "999").map(f -> sub(f, 'c')).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(control(record, "001"))).map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new MalformedResponseException("a MARC record without 999$c or 001"));
        Optional<DataField> title = first(record, "245");
        String volume = title.map(f -> join(clean(sub(f, 'n')), clean(sub(f, 'p')))).orElse("");

        List<String> authors = new ArrayList<>();
        List<String> authorReadings = new ArrayList<>();
        for (DataField creator : fields(record, "100", "110", "111", "700", "710", "711")) {
            String name = clean(sub(creator, 'a'));
            if (!name.isEmpty() && !authors.contains(name)) {
                authors.add(name);
                authorReadings.add(reading(record, creator));
            }
        }
        while (!authorReadings.isEmpty() && authorReadings.getLast().isEmpty()) {
            authorReadings.removeLast();
        }

        Optional<DataField> publication = first(record, "260").or(() -> fields(record, "264").stream()
                .filter(f -> f.getIndicator2() == '1').findFirst());
        Optional<DataField> series = first(record, "490").or(() -> first(record, "440")).or(() -> first(record, "830"));

        List<String> subjects = new ArrayList<>();
        for (DataField subject : fields(record, "600", "610", "650", "651")) {
            String value = clean(sub(subject, 'a'));
            if (!value.isEmpty() && !subjects.contains(value)) {
                subjects.add(value);
            }
        }
        List<String> isbns = new ArrayList<>();
        for (DataField isbn : fields(record, "020")) {
            String value = sub(isbn, 'a');
            Matcher m = ISBN_TOKEN.matcher(value == null ? "" : value);
            if (m.find() && !isbns.contains(m.group())) {
                isbns.add(m.group());
            }
        }
        String ndc = fields(record, "084").stream()
                .filter(f -> Optional.ofNullable(sub(f, '2')).orElse("").startsWith("njb"))
                .map(f -> clean(sub(f, 'a'))).filter(s -> !s.isEmpty()).findFirst().orElse("");

        List<String> description = new ArrayList<>();
        first(record, "300").ifPresent(f -> description.add(join(clean(sub(f, 'a')), clean(sub(f, 'c')))));
        for (DataField note : fields(record, "500", "520")) {
            description.add(clean(sub(note, 'a')));
        }
        description.removeIf(String::isEmpty);

        List<CatalogueEntry.Holding> holdings = new ArrayList<>();
        for (DataField item : fields(record, "952")) {
            holdings.add(new CatalogueEntry.Holding(sub(item, '9'), sub(item, 'a'), sub(item, 'o'), sub(item, 'c')));
        }
        String field008 = control(record, "008");
        return new CatalogueEntry(id,
                title.map(f -> clean(sub(f, 'a'))).filter(s -> !s.isEmpty()).orElse(""),
                title.map(f -> clean(sub(f, 'b'))).orElse(""),
                title.map(f -> reading(record, f)).orElse(""),
                volume,
                series.map(f -> clean(sub(f, 'a'))).orElse(""),
                series.map(f -> clean(sub(f, 'v'))).orElse(""),
                authors, authorReadings,
                publication.map(f -> clean(sub(f, 'b'))).orElse(""),
                publication.map(f -> clean(sub(f, 'a'))).orElse(""),
                year(publication.map(f -> sub(f, 'c')).orElse(null), field008),
                first(record, "250").map(f -> clean(sub(f, 'a'))).orElse(""),
                subjects, ndc, isbns,
                first(record, "942").map(f -> sub(f, 'c')).orElse(""),
                language(record, field008),
                String.join("\n", description),
                holdings,
                changed(control(record, "005"), zone));
    }

    private static String reading(Record record, DataField field) {
        String link = sub(field, '6');
        if (link == null || !link.startsWith("880-") || link.length() < 6) {
            return "";
        }
        String occurrence = link.substring(4, 6);
        for (DataField alternate : fields(record, "880")) {
            String back = sub(alternate, '6');
            if (back != null && back.startsWith(field.getTag() + "-" + occurrence)) {
                String value = sub(alternate, 'a');
                return value != null && KANA.matcher(value).matches() ? value.strip() : "";
            }
        }
        return "";
    }

    private static OptionalInt year(String publicationDate, String field008) {
        if (publicationDate != null) {
            Matcher m = YEAR.matcher(publicationDate);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        if (field008 != null && field008.length() >= 11) {
            Matcher m = YEAR.matcher(field008.substring(7, 11));
            if (m.matches()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private static String language(Record record, String field008) {
        if (field008 != null && field008.length() >= 38) {
            String code = field008.substring(35, 38).strip();
            if (code.length() == 3 && !code.equals("und") && !code.contains("|")) {
                return code;
            }
        }
        return first(record, "041").map(f -> sub(f, 'a')).map(String::strip).orElse("");
    }

    private static Instant changed(String field005, ZoneId zone) {
        if (field005 == null || field005.length() < 14) {
            return null;
        }
        try {
            return LocalDateTime.parse(field005.substring(0, 14), STAMP_005).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A subfield's value without ISBD punctuation at its end. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String s = value.strip();
        int end = s.length();
        while (end > 0 && " /:;,=".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        s = s.substring(0, end);
        // "Perl." but not "Vol. 2." → the final full stop of a statement; keep initials like "J.R.R."
        if (s.length() > 2 && s.endsWith(".") && Character.isLowerCase(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private static String control(Record record, String tag) {
        VariableField field = record.getVariableField(tag);
        return field instanceof ControlField control ? control.getData() : null;
    }

    private static Optional<DataField> first(Record record, String tag) {
        for (VariableField field : record.getVariableFields(tag)) {
            if (field instanceof DataField data) {
                return Optional.of(data);
            }
        }
        return Optional.empty();
    }

    private static List<DataField> fields(Record record, String... tags) {
        List<DataField> found = new ArrayList<>();
        for (VariableField field : record.getVariableFields(tags)) {
            if (field instanceof DataField data) {
                found.add(data);
            }
        }
        return found;
    }

    private static String sub(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }
}
