package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opackiosk.demo.catalogue.DemoRecord;
import org.opackiosk.demo.catalogue.MaterialType;

/** Returned copies go to holds; ready holds wait seven days; old holds stay listed thirty. One server per test. */
class AllocationIT {

    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dataDir;
    CirculationFixture demo;

    @BeforeEach
    void start() throws Exception {
        demo = CirculationFixture.start(dataDir);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** A one-copy record at CEN, lent out, held by 01000001 (e-mail on file) for pickup at {@code pickup}. */
    private int[] heldRecord(String pickup) {
        DemoRecord record = demo.untouchedRecord(MaterialType.BOOK, 1, "CEN");
        demo.lendAllCopies(record.number(), "01000015");
        int patron = demo.patronId("01000001");
        int hold = ApiClient.json(demo.placeHold(patron, record.number(), pickup)).path("hold_id").asInt();
        return new int[] {record.number(), patron, hold};
    }

    private static String barcode(int record) {
        return CirculationFixture.copies(record).getFirst().barcode();
    }

    @Test
    void aReturnedCopyWaitsForTheFirstHoldAtItsOwnLibraryAndThePatronIsMailed() throws IOException {
        // given
        int[] held = heldRecord("CEN");

        // when
        JsonNode checkin = demo.checkin(barcode(held[0]));

        // then
        assertThat(checkin.path("hold").path("hold_id").asInt()).isEqualTo(held[2]);
        JsonNode hold = demo.hold(held[1], held[2], false);
        assertThat(hold.path("status").asText()).isEqualTo("W");
        assertThat(hold.path("waiting_date").asText()).isEqualTo(CirculationFixture.TODAY.toString());
        assertThat(hold.path("expiration_date").asText()).isEqualTo(CirculationFixture.TODAY.plusDays(7).toString());
        List<Path> mails = mails("hold-ready");
        assertThat(mails).hasSize(1);
        String eml = Files.readString(mails.getFirst(), StandardCharsets.US_ASCII);
        assertThat(eml).contains("To: <yamada.taro@example.com>", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8", "Subject: =?UTF-8?B?");
    }

    @Test
    void aCopyFromAnotherLibraryTravelsAndWaitsFromTheNextDay() {
        // given
        int[] held = heldRecord("NISHI");

        // when
        demo.checkin(barcode(held[0]));
        JsonNode inTransit = demo.hold(held[1], held[2], false);
        demo.advance(DAY);
        JsonNode arrived = demo.hold(held[1], held[2], false);

        // then
        assertThat(inTransit.path("status").asText()).isEqualTo("T");
        assertThat(arrived.path("status").asText()).isEqualTo("W");
        assertThat(arrived.path("expiration_date").asText()).isEqualTo(CirculationFixture.TODAY.plusDays(8).toString());
    }

    @Test
    void aReadyHoldIsCancelledAfterSevenDays() {
        // given
        int[] held = heldRecord("CEN");
        demo.checkin(barcode(held[0]));

        // when
        demo.advance(DAY.multipliedBy(7));
        JsonNode lastDay = demo.hold(held[1], held[2], false);
        demo.advance(DAY);
        JsonNode afterwards = demo.hold(held[1], held[2], false);
        JsonNode old = demo.hold(held[1], held[2], true);

        // then
        assertThat(lastDay.path("status").asText()).isEqualTo("W");
        assertThat(afterwards).isNull();
        assertThat(old.path("cancellation_reason").asText()).isEqualTo("EXPIRED");
        assertThat(old.path("cancellation_date").asText()).isEqualTo(CirculationFixture.TODAY.plusDays(8).toString());
    }

    @Test
    void aCancelledHoldIsListedForThirtyDaysUnlessDismissed() {
        // given two cancelled holds, one dismissed
        int[] kept = heldRecord("CEN");
        int[] dismissed = heldRecord("CEN");
        demo.client.delete("/api/v1/holds/" + kept[2], demo.token);
        demo.client.delete("/api/v1/holds/" + dismissed[2], demo.token);

        // when
        int status = demo.client.post("/api/v1/contrib/opackiosk/holds/" + dismissed[2] + "/dismissal", demo.token,
                "{}").statusCode();
        demo.advance(DAY.multipliedBy(30));
        JsonNode day30 = demo.hold(kept[1], kept[2], true);
        demo.advance(DAY);
        JsonNode day31 = demo.hold(kept[1], kept[2], true);

        // then
        assertThat(status).isEqualTo(204);
        assertThat(demo.hold(dismissed[1], dismissed[2], true)).isNull();
        assertThat(ApiClient.json(demo.client.get("/api/v1/contrib/opackiosk/patrons/" + dismissed[1]
                + "/dismissed_holds", demo.token))).extracting(JsonNode::asInt).containsExactly(dismissed[2]);
        assertThat(day30).isNotNull();
        assertThat(day31).isNull();
    }

    @Test
    void secondVolumeIsNotAllocatedBeforeTheFirst() {
        // given an ordered series hold on two volumes, both on loan
        DemoRecord first = demo.untouchedRecord(MaterialType.BOOK, 1, "CEN");
        DemoRecord second = demo.untouchedRecord(MaterialType.BOOK, 1, "CEN");
        demo.lendAllCopies(first.number(), "01000015");
        demo.lendAllCopies(second.number(), "01000015");
        int patron = demo.patronId("01000001");
        JsonNode series = ApiClient.json(demo.client.post("/api/v1/contrib/opackiosk/series_holds", demo.token,
                "{\"patron_id\":" + patron + ",\"pickup_library_id\":\"CEN\",\"biblio_ids\":[" + first.number() + ","
                        + second.number() + "],\"contact_method\":\"email\"}"));
        int firstHold = series.path("holds").get(0).path("hold_id").asInt();
        int secondHold = series.path("holds").get(1).path("hold_id").asInt();

        // when the second volume comes back first
        JsonNode secondBack = demo.checkin(barcode(second.number()));

        // then it is not set aside for the patron
        assertThat(secondBack.path("hold").isNull()).isTrue();
        assertThat(demo.hold(patron, secondHold, false).path("status").isNull()).isTrue();

        // when the first comes back and is picked up
        demo.checkin(barcode(first.number()));
        assertThat(demo.hold(patron, firstHold, false).path("status").asText()).isEqualTo("W");
        assertThat(demo.hold(patron, secondHold, false).path("status").isNull()).isTrue();
        demo.lend(barcode(first.number()), "01000001");

        // then the second is set aside
        assertThat(demo.hold(patron, secondHold, false).path("status").asText()).isEqualTo("W");
        assertThat(demo.hold(patron, firstHold, true).path("status").asText()).isEqualTo("F");
    }

    private List<Path> mails(String kind) throws IOException {
        Path dir = demo.server.mailDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + kind + ".eml")).sorted().toList();
        }
    }

}
