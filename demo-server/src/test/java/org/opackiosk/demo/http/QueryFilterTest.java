package org.opackiosk.demo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFilterTest {

    private static final Fields FIELDS = Fields.builder()
            .integer("biblio_id", "b.id")
            .string("title", "b.title")
            .bool("serial", "b.serial")
            .dateTime("timestamp", "b.changed")
            .build();
    private final QueryFilter filter = new QueryFilter(FIELDS, ZoneId.of("Asia/Tokyo"));

    @Test
    void equalityNullAndAnyOf() {
        // when
        SqlCondition condition = filter.parse(List.of("{\"biblio_id\": 5, \"title\": null, \"serial\": [true]}"));

        // then
        assertThat(condition.sql()).isEqualTo("(b.id = ?) AND (b.title IS NULL) AND (b.serial IN (?))");
        assertThat(condition.params()).containsExactly(5L, true);
    }

    @Test
    void aTimestampWithoutOffsetIsReadInTheServersZone() {
        // when
        SqlCondition condition = filter.parse(List.of("{\"timestamp\": {\">\": \"2026-01-01T09:00:00\"}}"));

        // then
        assertThat(condition.sql()).isEqualTo("b.changed > ?");
        assertThat(condition.params()).containsExactly(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void likeIsCaseInsensitiveAndArraysAreOred() {
        // when
        SqlCondition condition = filter.parse(List.of(
                "[{\"title\": {\"-like\": \"%cat%\"}}, {\"me.biblio_id\": {\"-in\": [1, 2]}}]"));

        // then
        assertThat(condition.sql()).isEqualTo("(b.title ILIKE ?) OR (b.id IN (?, ?))");
        assertThat(condition.params()).containsExactly("%cat%", 1L, 2L);
    }

    @Test
    void andOrGroupsAndSeveralQParameters() {
        // when
        SqlCondition condition = filter.parse(List.of(
                "{\"-or\": [{\"biblio_id\": 1}, {\"biblio_id\": {\">=\": 10, \"<\": 20}}]}",
                "{\"-and\": {\"title\": {\"!=\": \"x\"}, \"serial\": false}}"));

        // then
        assertThat(condition.sql()).isEqualTo(
                "((b.id = ?) OR ((b.id >= ?) AND (b.id < ?))) AND ((b.title <> ?) AND (b.serial = ?))");
        assertThat(condition.params()).containsExactly(1L, 10L, 20L, "x", false);
    }

    @Test
    void noQueryIsNoCondition() {
        // when / then
        assertThat(filter.parse(List.of())).isSameAs(SqlCondition.TRUE);
        assertThat(filter.parse(List.of(""))).isSameAs(SqlCondition.TRUE);
    }

    @Test
    void unknownFieldsOperatorsAndBadValuesAreInvalidQueries() {
        // when / then
        for (String bad : List.of("{\"password\": 1}", "{\"title\": {\"-regexp\": \"x\"}}",
                "{\"biblio_id\": \"five\"}", "{\"timestamp\": {\">\": \"yesterday\"}}", "not json", "42",
                "{\"biblio_id\": {\"-like\": \"1%\"}}")) {
            assertThatThrownBy(() -> filter.parse(List.of(bad))).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.response().status()).isEqualTo(400);
                        assertThat(new String(problem.response().body())).contains("\"error_code\":\"invalid_query\"");
                    });
        }
    }
}
