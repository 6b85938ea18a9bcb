package org.opackiosk.demo.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.opackiosk.demo.ApiClient;
import org.opackiosk.demo.DemoServer;
import org.opackiosk.demo.DemoServerOptions;
import org.opackiosk.demo.SharedFiles;
import org.opackiosk.demo.catalogue.DemoCatalogue;
import org.opackiosk.demo.cli.DemoServerMain;

class CatalogueImportIT {

    private static final Clock CLOCK = Clock.systemDefaultZone();

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    @Test
    void theKohaSampleMarcxmlImportsAll435Records() throws Exception {
        // given
        Path file = shared("koha-sample-biblios.marcxml");

        // when
        ImportReport report = CatalogueImport.marcXml(dataDir, file, CLOCK);

        // then
        assertThat(report.imported()).isEqualTo(435);
        assertThat(report.skipped()).isEmpty();
        onTheServer((client, token) -> {
            HttpResponse<String> all = client.get("/api/v1/biblios", token);
            int demo = DemoCatalogue.load().records().size();
            assertThat(all.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(demo + 435));
            JsonNode found = ApiClient.json(client.get("/api/v1/biblios?q="
                    + ApiClient.q("{\"title\":{\"-like\":\"E Street shuffle%\"}}"), token));
            assertThat(found).isNotEmpty(); // the sample holds this title twice
            int id = found.get(0).path("biblio_id").asInt();
            assertThat(found.get(0).path("author").asText()).startsWith("Heylin, Clinton");
            Record record = marcXml(client, token, id);
            assertThat(((DataField) record.getVariableField("999")).getSubfield('c').getData())
                    .isEqualTo(Integer.toString(id));
            assertThat(((DataField) record.getVariableField("245")).getSubfield('a').getData())
                    .startsWith("E Street shuffle");
        });
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws Exception {
        // given
        Path file = shared("koha-sample-biblios.marcxml");
        CatalogueImport.marcXml(dataDir, file, CLOCK);

        // when
        ImportReport again = CatalogueImport.marcXml(dataDir, file, CLOCK);

        // then
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(435);
        assertThat(again.skipped()).isEmpty();
    }

    @Test
    void theMalformedRecordIsReportedByNumberAndTheImportFails() throws Exception {
        // given
        Path file = shared("koha-sample-malformed.marcxml");

        // when
        ImportReport report = CatalogueImport.marcXml(dataDir, file, CLOCK);
        int exitStatus = DemoServerMain.run("import", "--data", dataDir.toString(), "--marcxml", file.toString());

        // then
        assertThat(report.imported()).isZero();
        assertThat(report.succeeded()).isFalse();
        assertThat(report.skipped()).singleElement().asString().startsWith("record 1: not well-formed XML: ");
        assertThat(exitStatus).isEqualTo(1);
    }

    @Test
    void aBrokenRecordIsSkippedAndTheOthersImported() throws Exception {
        // given three records, the second with a raw 0x1F in a control field on line 9
        Path file = files.resolve("three.marcxml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
                <marc:record>
                  <marc:leader>00000nam a2200000 i 4500</marc:leader>
                  <marc:datafield tag="245" ind1="0" ind2="0"><marc:subfield code="a">First</marc:subfield></marc:datafield>
                </marc:record>
                <marc:record>
                  <marc:leader>00000nam a2200000 i 4500</marc:leader>
                  <marc:controlfield tag="001">00\u001Fbroken</marc:controlfield>
                  <marc:datafield tag="245" ind1="0" ind2="0"><marc:subfield code="a">Second</marc:subfield></marc:datafield>
                </marc:record>
                <marc:record>
                  <marc:leader>00000nam a2200000 i 4500</marc:leader>
                  <marc:datafield tag="245" ind1="0" ind2="0"><marc:subfield code="a">Third</marc:subfield></marc:datafield>
                </marc:record>
                </marc:collection>
                """, StandardCharsets.UTF_8);

        // when
        ImportReport report = CatalogueImport.marcXml(dataDir, file, CLOCK);

        // then
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).singleElement().asString()
                .startsWith("record 2: not well-formed XML: line 9, column ");
        assertThat(DemoServerMain.run("import", "--data", dataDir.toString(), "--marcxml", file.toString()))
                .as("records without a control number are recognised by their content: nothing new").isEqualTo(1);
    }

    @Test
    void itemsComeFrom952FieldsAndUnknownBranchesAreCreated() throws Exception {
        // given a record with two copies, one at a branch the demo library does not have
        Path file = files.resolve("items.marcxml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                  <record>
                    <leader>00000nam a2200000 i 4500</leader>
                    <controlfield tag="001">X-1</controlfield>
                    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Items test :</subfield><subfield code="b">two copies /</subfield></datafield>
                    <datafield tag="942" ind1=" " ind2=" "><subfield code="c">BK</subfield></datafield>
                    <datafield tag="952" ind1=" " ind2=" "><subfield code="a">CEN</subfield><subfield code="b">CEN</subfield><subfield code="p">9990000000001</subfield><subfield code="o">913.6/T</subfield><subfield code="c">GEN</subfield></datafield>
                    <datafield tag="952" ind1=" " ind2=" "><subfield code="a">FAR</subfield><subfield code="p">9990000000002</subfield><subfield code="7">1</subfield></datafield>
                  </record>
                </collection>
                """, StandardCharsets.UTF_8);

        // when
        ImportReport report = CatalogueImport.marcXml(dataDir, file, CLOCK);

        // then
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.items()).isEqualTo(2);
        onTheServer((client, token) -> {
            JsonNode biblio = ApiClient.json(client.get("/api/v1/biblios?q="
                    + ApiClient.q("{\"title\":\"Items test\"}"), token)).get(0);
            assertThat(biblio.path("subtitle").asText()).isEqualTo("two copies");
            JsonNode items = ApiClient.json(client.get("/api/v1/biblios/" + biblio.path("biblio_id").asInt()
                    + "/items", token, "x-koha-embed", "_status"));
            assertThat(items).hasSize(2);
            assertThat(items.get(0).path("external_id").asText()).isEqualTo("9990000000001");
            assertThat(items.get(0).path("callnumber").asText()).isEqualTo("913.6/T");
            assertThat(items.get(0).path("_status").get(0).asText()).isEqualTo("available");
            assertThat(items.get(1).path("home_library_id").asText()).isEqualTo("FAR");
            assertThat(items.get(1).path("holding_library_id").asText()).isEqualTo("FAR");
            assertThat(items.get(1).path("not_for_loan_status").asInt()).isEqualTo(1);
            JsonNode libraries = ApiClient.json(client.get("/api/v1/public/libraries?q="
                    + ApiClient.q("{\"library_id\":\"FAR\"}")));
            assertThat(libraries).hasSize(1);
            assertThat(libraries.get(0).path("pickup_location").asBoolean()).isFalse();
        });
    }

    @Test
    void theAozoraIndexImportsOneRecordPerWork() throws Exception {
        // given
        Path file = shared("aozora-works.csv");

        // when
        ImportReport report = CatalogueImport.aozoraCsv(dataDir, file, CLOCK);

        // then
        assertThat(report.imported()).isEqualTo(13_481);
        assertThat(report.skipped()).isEmpty();
        onTheServer((client, token) -> {
            JsonNode found = ApiClient.json(client.get("/api/v1/biblios?q="
                    + ApiClient.q("{\"title\":\"駅伝馬車\"}"), token));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("author").asText()).contains("アーヴィング ワシントン");
            assertThat(found.get(0).path("url").asText())
                    .isEqualTo("https://www.aozora.gr.jp/cards/001257/card56078.html");
        });
    }

    @Test
    void theExtendedIndexGivesTheImportedWorksTheirReadingsAsLinked880s() throws Exception {
        // given the works list imported
        CatalogueImport.aozoraCsv(dataDir, shared("aozora-works.csv"), CLOCK);

        // when the extended index's readings are added
        ImportReport report = CatalogueImport.aozoraReadings(dataDir, shared("aozora-extended-sample.csv"), CLOCK);

        // then the sample's works listed in the works list have them, in katakana, linked to 245 and 100
        assertThat(report.imported()).isEqualTo(568);
        assertThat(report.skipped()).isEmpty();
        onTheServer((client, token) -> {
            JsonNode found = ApiClient.json(client.get("/api/v1/biblios?q="
                    + ApiClient.q("{\"title\":\"雪女\"}"), token));
            assertThat(found).isNotEmpty();
            int id = -1;
            for (JsonNode biblio : found) {
                if (biblio.path("author").asText().contains("岡本 綺堂")) {
                    id = biblio.path("biblio_id").asInt();
                }
            }
            assertThat(id).as("雪女 by 岡本 綺堂 in %s", found).isPositive();
            Record record = marcXml(client, token, id);
            assertThat(readingOf(record, "245")).isEqualTo("ユキオンナ");
            assertThat(readingOf(record, "100")).isEqualTo("オカモト, キドウ");
        });
        // and a second run sets the same readings again
        assertThat(CatalogueImport.aozoraReadings(dataDir, shared("aozora-extended-sample.csv"), CLOCK).imported())
                .isEqualTo(568);
    }

    /** The $a of the 880 linked to the first {@code tag} field. */
    private static String readingOf(Record record, String tag) {
        DataField field = (DataField) record.getVariableField(tag);
        String link = field.getSubfield('6').getData();
        return record.getDataFields().stream().filter(f -> f.getTag().equals("880"))
                .filter(f -> f.getSubfield('6').getData().startsWith(tag + "-" + link.substring(4, 6)))
                .map(f -> f.getSubfield('a').getData()).findFirst().orElseThrow();
    }

    @Test
    void theAozoraIndexImportedTwiceAddsNothing() throws Exception {
        // given
        Path file = shared("aozora-works.csv");
        CatalogueImport.aozoraCsv(dataDir, file, CLOCK);

        // when
        int exitStatus = DemoServerMain.run("import", "--data", dataDir.toString(), "--aozora-csv",
                file.toString());

        // then
        assertThat(exitStatus).isEqualTo(1);
    }

    @Test
    void importingIntoTheDirectoryOfARunningServerIsRefused() throws Exception {
        // given
        Path file = files.resolve("one.marcxml");
        Files.writeString(file, "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 i 4500"
                + "</leader><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">One</subfield>"
                + "</datafield></record>");
        try (DemoServer ignored = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            // when / then
            assertThatThrownBy(() -> CatalogueImport.marcXml(dataDir, file, CLOCK))
                    .isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
        assertThat(CatalogueImport.marcXml(dataDir, file, CLOCK).imported()).isEqualTo(1);
    }

    /** Starts the server on the imported data directory and hands {@code check} a client and a staff token. */
    private void onTheServer(ServerCheck check) throws Exception {
        try (DemoServer server = DemoServer.start(DemoServerOptions.defaults(dataDir))) {
            ApiClient client = ApiClient.of(server);
            check.run(client, client.token(server));
        }
    }

    @FunctionalInterface
    private interface ServerCheck {
        void run(ApiClient client, String token) throws Exception;
    }

    /** The biblio as the server serves it in MARCXML. */
    private static Record marcXml(ApiClient client, String token, int biblioId) {
        HttpResponse<byte[]> marc = client.sendForBytes(client.request("/api/v1/biblios/" + biblioId)
                .header("Authorization", "Bearer " + token).header("Accept", "application/marcxml+xml"));
        return new MarcXmlReader(new ByteArrayInputStream(marc.body())).next();
    }

    private static Path shared(String name) {
        Optional<Path> path = SharedFiles.data(name);
        assumeTrue(path.isPresent(), "../shared/data/" + name + " is not here");
        return path.get();
    }
}
