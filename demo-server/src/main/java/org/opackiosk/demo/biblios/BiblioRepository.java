package org.opackiosk.demo.biblios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opackiosk.demo.db.Jdbc;
import org.opackiosk.demo.http.Fields;
import org.opackiosk.demo.http.Page;
import org.opackiosk.demo.http.SqlCondition;

/**
 * The {@code biblios} table. Deleted records are invisible to every read here. Stateless; every
 * method works on the caller's connection.
 */
public final class BiblioRepository {

    /** Koha's biblio fields that {@code q=} and {@code _order_by} accept. */
    public static final Fields FIELDS = Fields.builder()
            .integer("biblio_id", "biblio_id")
            .string("title", "title")
            .string("subtitle", "subtitle")
            .string("author", "author")
            .string("publisher", "publisher")
            .string("isbn", "isbn")
            .string("issn", "issn")
            .string("item_type", "item_type")
            .string("series_title", "series_title")
            .string("part_number", "part_number")
            .string("part_name", "part_name")
            .string("publication_year", "publication_year")
            .integer("copyright_date", "copyright_date")
            .bool("serial", "serial")
            .date("creation_date", "creation_date")
            .dateTime("timestamp", "updated_at")
            .build();

    private static final String COLUMNS = "biblio_id, material_type, item_type, lang, title, title_reading, subtitle, "
            + "part_number, part_name, series_title, series_volume, author, author_reading, publisher, "
            + "publication_place, publication_year, copyright_date, edition_statement, isbn, issn, ndc, subjects, "
            + "notes, abstract, pages, material_size, lc_control_number, url, serial, newest_issue, reference_only, "
            + "not_for_loan, source, source_id, creation_date, updated_at";

    /** Inserts {@code biblio}, with its own id when it has one; returns the id. */
    public int insert(Connection connection, Biblio biblio) throws SQLException {
        boolean explicitId = biblio.biblioId() != null;
        String columns = (explicitId ? COLUMNS : COLUMNS.substring("biblio_id, ".length())) + ", marcxml";
        int count = columns.split(",").length;
        String sql = "INSERT INTO biblios (" + columns + ") VALUES (" + "?, ".repeat(count - 1) + "?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            List<Object> values = new ArrayList<>();
            if (explicitId) {
                values.add(biblio.biblioId());
            }
            values.addAll(Arrays.asList(biblio.materialType(), biblio.itemType(), biblio.language(),
                    biblio.title(), biblio.titleReading(), biblio.subtitle(), biblio.partNumber(), biblio.partName(),
                    biblio.seriesTitle(), biblio.seriesVolume(), biblio.author(), biblio.authorReading(),
                    biblio.publisher(), biblio.publicationPlace(), biblio.publicationYear(), biblio.copyrightDate(),
                    biblio.editionStatement(), biblio.isbn(), biblio.issn(), biblio.ndc(), biblio.subjects(),
                    biblio.notes(), biblio.abstractText(), biblio.pages(), biblio.materialSize(),
                    biblio.lcControlNumber(), biblio.url(), biblio.serial(), biblio.newestIssue(),
                    biblio.referenceOnly(), biblio.notForLoan(), biblio.source(), biblio.sourceId(),
                    biblio.creationDate(), biblio.updatedAt(), biblio.marcxml()));
            Jdbc.bind(statement, values);
            statement.executeUpdate();
            if (explicitId) {
                return biblio.biblioId();
            }
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    public Optional<Biblio> find(Connection connection, int biblioId, boolean withMarc) throws SQLException {
        List<Biblio> found = select(connection, "biblio_id = ? AND NOT deleted", List.of(biblioId), "", withMarc);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    public boolean exists(Connection connection, int biblioId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM biblios WHERE biblio_id = ? AND NOT deleted",
                List.of(biblioId)) > 0;
    }

    public int count(Connection connection, SqlCondition where) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM biblios WHERE NOT deleted AND (" + where.sql() + ")",
                where.params());
    }

    /** @param orderBy an {@code ORDER BY} clause built from {@link #FIELDS} */
    public List<Biblio> list(Connection connection, SqlCondition where, String orderBy, Page page, boolean withMarc)
            throws SQLException {
        return select(connection, "NOT deleted AND (" + where.sql() + ")", where.params(),
                orderBy + page.limitSql(), withMarc);
    }

    /** A record deleted from the catalogue (Koha keeps these in {@code deletedbiblio}). */
    public record Deleted(int biblioId, java.time.Instant deletedAt) {
    }

    /** Records deleted at or after {@code since}, in order of deletion. */
    public List<Deleted> deletedSince(Connection connection, java.time.Instant since) throws SQLException {
        List<Deleted> result = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection,
                "SELECT biblio_id, deleted_at FROM biblios WHERE deleted AND deleted_at >= ? ORDER BY deleted_at, biblio_id",
                since)) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(new Deleted(rs.getInt("biblio_id"), Jdbc.instant(rs, "deleted_at")));
                }
            }
        }
        return result;
    }

    /** Deletes a record and its copies, as a cataloguer does; false when there is no such record. */
    public boolean delete(Connection connection, int biblioId, java.time.Instant now) throws SQLException {
        Jdbc.update(connection, "UPDATE items SET deleted = TRUE, updated_at = ? WHERE biblio_id = ? AND NOT deleted", now, biblioId);
        return Jdbc.update(connection, "UPDATE biblios SET deleted = TRUE, deleted_at = ?, updated_at = ? "
                + "WHERE biblio_id = ? AND NOT deleted", now, now, biblioId) > 0;
    }

    /**
     * Sets the readings (ヨミ) of the record imported from {@code source} as {@code sourceId}, as a cataloguer
     * adds them; false when there is no such record.
     */
    public boolean setReadings(Connection connection, String source, String sourceId, String titleReading,
                               String authorReading, java.time.Instant now) throws SQLException {
        return Jdbc.update(connection, "UPDATE biblios SET title_reading = ?, author_reading = ?, updated_at = ? "
                + "WHERE source = ? AND source_id = ? AND NOT deleted", titleReading, authorReading, now, source,
                sourceId) > 0;
    }

    /** Changes a record's title, as a cataloguer does; false when there is no such record. */
    public boolean retitle(Connection connection, int biblioId, String title, java.time.Instant now) throws SQLException {
        return Jdbc.update(connection, "UPDATE biblios SET title = ?, title_reading = NULL, marcxml = NULL, updated_at = ? "
                + "WHERE biblio_id = ? AND NOT deleted", title, now, biblioId) > 0;
    }

    private static List<Biblio> select(Connection connection, String where, List<Object> params, String tail,
                                       boolean withMarc) throws SQLException {
        String sql = "SELECT " + COLUMNS + (withMarc ? ", marcxml" : "") + " FROM biblios WHERE " + where + tail;
        List<Biblio> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs, withMarc));
                }
            }
        }
        return result;
    }

    private static Biblio row(ResultSet rs, boolean withMarc) throws SQLException {
        return Biblio.builder()
                .biblioId(rs.getInt("biblio_id"))
                .materialType(rs.getString("material_type"))
                .itemType(rs.getString("item_type"))
                .language(rs.getString("lang"))
                .title(rs.getString("title"))
                .titleReading(rs.getString("title_reading"))
                .subtitle(rs.getString("subtitle"))
                .partNumber(rs.getString("part_number"))
                .partName(rs.getString("part_name"))
                .seriesTitle(rs.getString("series_title"))
                .seriesVolume(rs.getString("series_volume"))
                .author(rs.getString("author"))
                .authorReading(rs.getString("author_reading"))
                .publisher(rs.getString("publisher"))
                .publicationPlace(rs.getString("publication_place"))
                .publicationYear(rs.getString("publication_year"))
                .copyrightDate(Jdbc.integer(rs, "copyright_date"))
                .editionStatement(rs.getString("edition_statement"))
                .isbn(rs.getString("isbn"))
                .issn(rs.getString("issn"))
                .ndc(rs.getString("ndc"))
                .subjects(Jdbc.strings(rs, "subjects"))
                .notes(rs.getString("notes"))
                .abstractText(rs.getString("abstract"))
                .pages(rs.getString("pages"))
                .materialSize(rs.getString("material_size"))
                .lcControlNumber(rs.getString("lc_control_number"))
                .url(rs.getString("url"))
                .serial(rs.getBoolean("serial"))
                .newestIssue(rs.getBoolean("newest_issue"))
                .referenceOnly(rs.getBoolean("reference_only"))
                .notForLoan(rs.getBoolean("not_for_loan"))
                .source(rs.getString("source"))
                .sourceId(rs.getString("source_id"))
                .marcxml(withMarc ? rs.getString("marcxml") : null)
                .creationDate(Jdbc.date(rs, "creation_date"))
                .updatedAt(Jdbc.instant(rs, "updated_at"))
                .build();
    }
}
