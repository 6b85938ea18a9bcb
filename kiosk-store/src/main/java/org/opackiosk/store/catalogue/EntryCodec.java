package org.opackiosk.store.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.opackiosk.core.catalogue.CatalogueEntry;

/**
 * A {@link CatalogueEntry} as the bytes stored with its index document (compressed by Lucene with the rest
 * of the stored fields): what the result list and the record page show offline. Versioned, so an index
 * written by an older kiosk is recognised and rebuilt rather than misread. Stateless and thread-safe.
 */
final class EntryCodec {

    static final int VERSION = 1;
    /** writeUTF's limit is 65,535 bytes; a note longer than this is cut (the record page shows a summary). */
    private static final int MAX_TEXT = 8000;

    private EntryCodec() {
    }

    static byte[] encode(CatalogueEntry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            text(out, e.id());
            text(out, e.title());
            text(out, e.subtitle());
            text(out, e.titleReading());
            text(out, e.volume());
            text(out, e.seriesTitle());
            text(out, e.seriesVolume());
            list(out, e.authors());
            list(out, e.authorReadings());
            text(out, e.publisher());
            text(out, e.publicationPlace());
            out.writeInt(e.year().orElse(Integer.MIN_VALUE));
            text(out, e.edition());
            list(out, e.subjects());
            text(out, e.ndc());
            list(out, e.isbns());
            text(out, e.itemTypeId());
            text(out, e.language());
            text(out, e.description());
            out.writeShort(e.holdings().size());
            for (CatalogueEntry.Holding h : e.holdings()) {
                text(out, h.itemId());
                text(out, h.branchId());
                text(out, h.callNumber());
                text(out, h.location());
            }
            out.writeLong(e.changedAt() == null ? Long.MIN_VALUE : e.changedAt().toEpochMilli());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not an entry of this version */
    static CatalogueEntry decode(byte[] bytes, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("stored entry of version " + version + ", expected " + VERSION);
            }
            String id = in.readUTF();
            String title = in.readUTF();
            String subtitle = in.readUTF();
            String titleReading = in.readUTF();
            String volume = in.readUTF();
            String seriesTitle = in.readUTF();
            String seriesVolume = in.readUTF();
            List<String> authors = list(in);
            List<String> authorReadings = list(in);
            String publisher = in.readUTF();
            String place = in.readUTF();
            int year = in.readInt();
            String edition = in.readUTF();
            List<String> subjects = list(in);
            String ndc = in.readUTF();
            List<String> isbns = list(in);
            String itemType = in.readUTF();
            String language = in.readUTF();
            String description = in.readUTF();
            int holdingCount = in.readShort();
            List<CatalogueEntry.Holding> holdings = new ArrayList<>(holdingCount);
            for (int i = 0; i < holdingCount; i++) {
                holdings.add(new CatalogueEntry.Holding(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF()));
            }
            long changed = in.readLong();
            return new CatalogueEntry(id, title, subtitle, titleReading, volume, seriesTitle, seriesVolume, authors,
                    authorReadings, publisher, place, year == Integer.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(year),
                    edition, subjects, ndc, isbns, itemType, language, description, holdings,
                    changed == Long.MIN_VALUE ? null : Instant.ofEpochMilli(changed));
        } catch (IOException ex) {
            throw new IllegalArgumentException("a stored entry that cannot be read: " + ex.getMessage(), ex);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        out.writeUTF(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
    }

    private static void list(DataOutputStream out, List<String> values) throws IOException {
        int n = Math.min(values.size(), Short.MAX_VALUE);
        out.writeShort(n);
        for (int i = 0; i < n; i++) {
            text(out, values.get(i));
        }
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int n = in.readShort();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
