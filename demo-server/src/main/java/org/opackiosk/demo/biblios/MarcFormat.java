package org.opackiosk.demo.biblios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marc4j.MarcJsonWriter;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;

/**
 * The representations Koha's {@code /biblios} routes produce, chosen from the {@code Accept} header.
 * No header, {@code *}{@code /*} or {@code application/*} mean JSON.
 */
public enum MarcFormat {
    JSON("application/json"),
    MARCXML("application/marcxml+xml"),
    MARC_IN_JSON("application/marc-in-json"),
    MARC("application/marc"),
    TEXT("text/plain");

    private final String mediaType;

    MarcFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Every media type produced, in Koha's order (the body of a 406 answer). */
    public static List<String> produced() {
        List<String> types = new ArrayList<>();
        for (MarcFormat format : values()) {
            types.add(format.mediaType);
        }
        return types;
    }

    /** The format an {@code Accept} header asks for, highest quality first; empty when none is produced. */
    public static Optional<MarcFormat> negotiate(Optional<String> accept) {
        if (accept.isEmpty() || accept.get().isBlank()) {
            return Optional.of(JSON);
        }
        record Choice(String type, double quality, int position) {
        }
        List<Choice> choices = new ArrayList<>();
        String[] ranges = accept.get().split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            double quality = 1.0;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            choices.add(new Choice(parts[0].strip().toLowerCase(Locale.ROOT), quality, i));
        }
        choices.sort(Comparator.comparingDouble(Choice::quality).reversed().thenComparingInt(Choice::position));
        for (Choice choice : choices) {
            if (choice.quality() <= 0) {
                continue;
            }
            if (choice.type().equals("*/*") || choice.type().equals("application/*")) {
                return Optional.of(JSON);
            }
            for (MarcFormat format : values()) {
                if (format.mediaType.equals(choice.type())) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** One record: MARCXML as a single {@code <record>}, like Koha's {@code as_xml_record}. */
    public byte[] write(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (this) {
                case MARCXML -> MarcXmlWriter.writeSingleRecord(record, out, false, false);
                case MARC_IN_JSON -> out.write(marcInJson(record));
                case MARC -> writeIso2709(List.of(record), out);
                case TEXT -> out.write(record.toString().getBytes(StandardCharsets.UTF_8));
                case JSON -> throw new IllegalStateException("JSON records are not MARC");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Several records: a MARCXML {@code <collection>}, a JSON array of MARC-in-JSON, or concatenated. */
    public byte[] write(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (this) {
                case MARCXML -> {
                    MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", false);
                    records.forEach(writer::write);
                    writer.close();
                }
                case MARC_IN_JSON -> {
                    out.write('[');
                    for (int i = 0; i < records.size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(marcInJson(records.get(i)));
                    }
                    out.write(']');
                }
                case MARC -> writeIso2709(records, out);
                case TEXT -> {
                    for (Record record : records) {
                        out.write(record.toString().getBytes(StandardCharsets.UTF_8));
                        out.write('\n');
                    }
                }
                case JSON -> throw new IllegalStateException("JSON records are not MARC");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] marcInJson(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcJsonWriter writer = new MarcJsonWriter(out, MarcJsonWriter.MARC_IN_JSON);
        writer.write(record);
        writer.close();
        return new String(out.toByteArray(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeIso2709(List<Record> records, ByteArrayOutputStream out) {
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        records.forEach(writer::write);
        writer.close();
    }
}
