package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcJsonReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.catalogue.DemoRecord;

class BibliosIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant SEEDED = Instant.parse("2026-04-01T01:00:00Z");

    @TempDir
    static Path dataDir;
    static DemoServer server;
    static ApiClient client;
    static String token;
    static List<DemoRecord> records;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(DemoServerOptions.defaults(dataDir).withClock(new TestClock(SEEDED, TOKYO)));
        client = ApiClient.of(server);
        token = client.token(server);
        records = DemoCatalogue.load().records().stream().sorted(Comparator.comparingInt(DemoRecord::number)).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theListingIsPagedWithTotalCountAndLinks() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios?_page=2&_per_page=5", token);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(records.size()));
        JsonNode body = ApiClient.json(response);
        assertThat(body).hasSize(5);
        assertThat(body.get(0).path("biblio_id").asInt()).isEqualTo(records.get(5).number());
        String link = response.headers().firstValue("Link").orElseThrow();
        int last = (records.size() + 4) / 5;
        String base = server.baseUrl() + "/api/v1/biblios?";
        assertThat(link)
                .contains("<" + base + "_page=1&_per_page=5>; rel=\"prev\"")
                .contains("<" + base + "_page=3&_per_page=5>; rel=\"next\"")
                .contains("<" + base + "_page=1&_per_page=5>; rel=\"first\"")
                .contains("<" + base + "_page=" + last + "&_per_page=5>; rel=\"last\"");
    }

    @Test
    void theDefaultPageHoldsTwentyAndTheLastPageHasNoNext() {
        // when
        HttpResponse<String> first = client.get("/api/v1/biblios", token);
        int last = (records.size() + 19) / 20;
        HttpResponse<String> lastPage = client.get("/api/v1/biblios?_page=" + last, token);

        // then
        assertThat(ApiClient.json(first)).hasSize(20);
        assertThat(first.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"prev\"");
        assertThat(lastPage.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");
        assertThat(ApiClient.json(lastPage)).hasSize(records.size() - (last - 1) * 20);
    }

    @Test
    void perPageMinusOneListsEverything() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios?_per_page=-1", token);

        // then
        assertThat(ApiClient.json(response)).hasSize(records.size());
    }

    @Test
    void aRecordLooksLikeKohasBiblio() {
        // given
        DemoRecord record = records.getFirst();

        // when
        JsonNode biblio = ApiClient.json(client.get("/api/v1/biblios/" + record.number(), token));

        // then
        assertThat(biblio.path("biblio_id").asInt()).isEqualTo(record.number());
        assertThat(biblio.path("title").asText()).isEqualTo(record.title());
        assertThat(biblio.path("item_type").asText()).isEqualTo(record.type().kohaItemType());
        assertThat(biblio.path("publication_year").asText()).isEqualTo(Integer.toString(record.year()));
        assertThat(biblio.path("copyright_date").asInt()).isEqualTo(record.year());
        assertThat(biblio.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00");
        assertThat(biblio.has("series_title")).isTrue();
        assertThat(biblio.has("part_number")).isTrue();
    }

    @Test
    void theTimestampFilterReturnsWhatChangedAfterIt() {
        // given: record n of N was changed N − n minutes before seeding; ask for the last ten minutes and a half
        String since = LocalDateTime.ofInstant(SEEDED.minus(Duration.ofSeconds(630)), TOKYO).toString();

        // when
        HttpResponse<String> response = client.get("/api/v1/biblios?_per_page=100&q="
                + ApiClient.q("{\"timestamp\":{\">\":\"" + since + "\"}}"), token);

        // then
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("10");
        List<Integer> ids = ids(ApiClient.json(response));
        assertThat(ids).containsExactlyElementsOf(
                records.subList(records.size() - 10, records.size()).stream().map(DemoRecord::number).toList());
    }

    @Test
    void aTimestampWithAnOffsetMeansThatInstant() {
        // given the same instant as above, written in UTC
        String since = SEEDED.minus(Duration.ofSeconds(630)).toString();

        // when
        HttpResponse<String> response = client.get("/api/v1/biblios?q="
                + ApiClient.q("{\"timestamp\":{\">\":\"" + since + "\"}}"), token);

        // then
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("10");
    }

    @Test
    void filtersByIdTitleArraysAndAnd() {
        // given
        DemoRecord record = records.get(3);
        String word = record.title().substring(0, Math.min(2, record.title().length()));

        // when
        JsonNode byId = ApiClient.json(client.get("/api/v1/biblios?q="
                + ApiClient.q("{\"biblio_id\":" + record.number() + "}"), token));
        JsonNode byIds = ApiClient.json(client.get("/api/v1/biblios?q="
                + ApiClient.q("{\"biblio_id\":[" + records.get(0).number() + "," + records.get(1).number() + "]}"),
                token));
        JsonNode byTitle = ApiClient.json(client.get("/api/v1/biblios?_per_page=-1&q="
                + ApiClient.q("{\"title\":{\"-like\":\"%" + word + "%\"}}"), token));
        JsonNode combined = ApiClient.json(client.get("/api/v1/biblios?q=" + ApiClient.q(
                "{\"-and\":[{\"title\":{\"-like\":\"%" + word + "%\"}},{\"biblio_id\":" + record.number() + "}]}"),
                token));
        JsonNode eitherOr = ApiClient.json(client.get("/api/v1/biblios?q=" + ApiClient.q(
                "[{\"biblio_id\":" + records.get(0).number() + "},{\"biblio_id\":" + records.get(2).number() + "}]"),
                token));

        // then
        assertThat(ids(byId)).containsExactly(record.number());
        assertThat(ids(byIds)).containsExactly(records.get(0).number(), records.get(1).number());
        assertThat(ids(byTitle)).contains(record.number());
        byTitle.forEach(b -> assertThat(b.path("title").asText()).containsIgnoringCase(word));
        assertThat(ids(combined)).containsExactly(record.number());
        assertThat(ids(eitherOr)).containsExactly(records.get(0).number(), records.get(2).number());
    }

    @Test
    void ordersByTimestampDescending() {
        // when
        JsonNode body = ApiClient.json(client.get("/api/v1/biblios?_per_page=3&_order_by=-timestamp", token));

        // then
        assertThat(ids(body)).containsExactly(records.get(records.size() - 1).number(),
                records.get(records.size() - 2).number(), records.get(records.size() - 3).number());
    }

    @Test
    void anUnknownFieldInQIsAnInvalidQuery() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios?q=" + ApiClient.q("{\"nope\":1}"), token);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("invalid_query");
    }

    @Test
    void aMissingRecordIsNotFoundInKohasErrorShape() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios/999999", token);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("error").asText()).isEqualTo("Object not found");
        assertThat(body.path("error_code").asText()).isEqualTo("not_found");
    }

    @Test
    void aNonNumericIdIsAValidationError() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios/abc", token);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("errors").get(0).path("path").asText()).isEqualTo("/biblio_id");
    }

    @Test
    void marcxmlIsParseableMarcWithTheReadingIn880() throws Exception {
        // given a record with a title reading
        DemoRecord record = records.stream().filter(r -> !r.titleReading().isBlank()).findFirst().orElseThrow();

        // when
        HttpResponse<byte[]> response = client.sendForBytes(client.request("/api/v1/biblios/" + record.number())
                .header("Authorization", "Bearer " + token).header("Accept", "application/marcxml+xml"));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/marcxml+xml");
        MarcReader reader = new MarcXmlReader(new ByteArrayInputStream(response.body()));
        Record marc = reader.next();
        DataField title = (DataField) marc.getVariableField("245");
        assertThat(title.getSubfield('a').getData()).isEqualTo(record.title());
        String link = title.getSubfield('6').getData();
        DataField reading = marc.getVariableFields("880").stream().map(DataField.class::cast)
                .filter(f -> f.getSubfield('6').getData().startsWith("245-" + link.substring(4)))
                .findFirst().orElseThrow();
        assertThat(reading.getSubfield('a').getData()).isEqualTo(record.titleReading());
        assertThat(marc.getControlNumber()).isEqualTo(Integer.toString(record.number()));
    }

    @Test
    void theListingIsAvailableAsAMarcxmlCollectionAndAsMarcInJson() throws Exception {
        // when
        HttpResponse<byte[]> xml = client.sendForBytes(client.request("/api/v1/biblios?_per_page=7")
                .header("Authorization", "Bearer " + token).header("Accept", "application/marcxml+xml"));
        HttpResponse<byte[]> mij = client.sendForBytes(client.request("/api/v1/biblios?_per_page=7")
                .header("Authorization", "Bearer " + token).header("Accept", "application/marc-in-json"));

        // then
        assertThat(xml.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(records.size()));
        assertThat(readAll(new MarcXmlReader(new ByteArrayInputStream(xml.body())))).hasSize(7);
        assertThat(mij.statusCode()).isEqualTo(200);
        String json = new String(mij.body(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("[{").endsWith("}]");
        List<Record> fromJson = new ArrayList<>();
        for (JsonNode one : new ObjectMapper().readTree(json)) {
            fromJson.addAll(readAll(new MarcJsonReader(new ByteArrayInputStream(
                    one.toString().getBytes(StandardCharsets.UTF_8)))));
        }
        assertThat(fromJson).hasSize(7);
    }

    @Test
    void anUnsupportedAcceptAnswers406() {
        // when
        HttpResponse<String> response = client.get("/api/v1/biblios/1", token, "Accept", "image/png");

        // then
        assertThat(response.statusCode()).isEqualTo(406);
    }

    private static List<Integer> ids(JsonNode biblios) {
        List<Integer> ids = new ArrayList<>();
        biblios.forEach(b -> ids.add(b.path("biblio_id").asInt()));
        return ids;
    }

    private static List<Record> readAll(MarcReader reader) {
        List<Record> result = new ArrayList<>();
        while (reader.hasNext()) {
            result.add(reader.next());
        }
        return result;
    }
}
