package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opackiosk.demo.CirculationFixture.CATALOGUE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opackiosk.demo.catalogue.DemoHold;
import org.opackiosk.demo.catalogue.DemoItem;
import org.opackiosk.demo.catalogue.DemoLoan;
import org.opackiosk.demo.catalogue.MaterialType;

/** Loans: one renewal, two weeks from the day of renewal, not when overdue or someone is waiting. */
class RenewalsIT {

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass();

    private static int record(DemoLoan loan) {
        return CATALOGUE.items().stream().filter(i -> i.itemNumber() == loan.itemNumber())
                .mapToInt(DemoItem::recordNumber).findFirst().orElseThrow();
    }

    /** The checkout id of the first loan of {@code card} that {@code which} accepts. */
    private static int checkoutOf(String card, Predicate<DemoLoan> which) {
        DemoLoan loan = CATALOGUE.loans().stream().filter(l -> l.cardNumber().equals(card)).filter(which)
                .findFirst().orElseThrow();
        for (JsonNode checkout : ApiClient.json(demo.client.get("/api/v1/patrons/" + demo.patronId(card)
                + "/checkouts?_per_page=-1", demo.token))) {
            if (checkout.path("item_id").asInt() == loan.itemNumber()) {
                return checkout.path("checkout_id").asInt();
            }
        }
        throw new IllegalStateException("no checkout of item " + loan.itemNumber());
    }

    private static Set<Integer> heldRecords() {
        return CATALOGUE.holds().stream().map(DemoHold::recordNumber).collect(Collectors.toSet());
    }

    private static JsonNode allowsRenewal(int checkoutId) {
        return ApiClient.json(demo.client.get("/api/v1/checkouts/" + checkoutId + "/allows_renewal", demo.token));
    }

    private static HttpResponse<String> renew(int checkoutId) {
        return demo.client.post("/api/v1/checkouts/" + checkoutId + "/renewal", demo.token, null);
    }

    @Test
    void aLoanRenewsOnceForTwoWeeksFromTheDayOfRenewal() {
        // given
        int checkout = checkoutOf("01000016", l -> l.dueInDays() >= 0 && !heldRecords().contains(record(l)));
        assertThat(allowsRenewal(checkout).path("allows_renewal").asBoolean()).isTrue();

        // when
        HttpResponse<String> first = renew(checkout);
        HttpResponse<String> second = renew(checkout);

        // then
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(ApiClient.json(first).path("due_date").asText())
                .isEqualTo(CirculationFixture.TODAY.plusDays(14) + "T23:59:00+09:00");
        assertThat(ApiClient.json(first).path("renewals_count").asInt()).isEqualTo(1);
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(second).path("error").asText()).isEqualTo("Renewal not authorized (too_many)");
        assertThat(ApiClient.json(second).path("error_code").asText()).isEqualTo("too_many");
        JsonNode allows = allowsRenewal(checkout);
        assertThat(allows.path("allows_renewal").asBoolean()).isFalse();
        assertThat(allows.path("error").asText()).isEqualTo("too_many");
        assertThat(allows.path("max_renewals").asInt()).isEqualTo(1);
        assertThat(allows.path("current_renewals").asInt()).isEqualTo(1);
    }

    @Test
    void renewIsRefusedWhenSomeoneIsWaiting() {
        // given a loan of a record someone else holds
        var record = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(record.number(), "01000015");
        assertThat(demo.placeHold(demo.patronId("01000001"), record.number(), "CEN").statusCode()).isEqualTo(201);
        int item = CirculationFixture.copies(record.number()).getFirst().itemNumber();
        int checkout = -1;
        for (JsonNode each : ApiClient.json(demo.client.get("/api/v1/checkouts?patron_id="
                + demo.patronId("01000015") + "&_per_page=-1", demo.token))) {
            if (each.path("item_id").asInt() == item) {
                checkout = each.path("checkout_id").asInt();
            }
        }

        // when
        HttpResponse<String> response = renew(checkout);

        // then
        assertThat(allowsRenewal(checkout).path("error").asText()).isEqualTo("on_reserve");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("on_reserve");
    }

    @Test
    void renewIsRefusedWhenOverdue() {
        // given
        int checkout = checkoutOf("01000005", l -> l.dueInDays() < 0);

        // when
        HttpResponse<String> response = renew(checkout);

        // then
        assertThat(allowsRenewal(checkout).path("error").asText()).isEqualTo("overdue");
        assertThat(ApiClient.json(response).path("error_code").asText()).isEqualTo("overdue");
    }

    @Test
    void renewIsRefusedForASuspendedPatron() {
        // when
        JsonNode allows = allowsRenewal(checkoutOf("01000006", l -> true));

        // then
        assertThat(allows.path("allows_renewal").asBoolean()).isFalse();
        assertThat(allows.path("error").asText()).isEqualTo("restriction");
    }

    @Test
    void renewIsRefusedWhenTheCardHasExpired() {
        // given a loan of the patron whose card expired
        var record = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(record.number(), "01000007");
        int checkout = ApiClient.json(demo.client.get("/api/v1/checkouts?patron_id=" + demo.patronId("01000007"),
                demo.token)).get(0).path("checkout_id").asInt();

        // when
        JsonNode allows = allowsRenewal(checkout);

        // then
        assertThat(allows.path("error").asText()).isEqualTo("card_expired");
    }

    @Test
    void theRenewalDueDateTellsWhatARenewalTodayWouldGive() {
        // given
        int renewable = checkoutOf("01000001", l -> l.dueInDays() >= 0 && !heldRecords().contains(record(l)));
        int overdue = checkoutOf("01000005", l -> l.dueInDays() < 0);

        // when
        HttpResponse<String> ok = demo.client.get("/api/v1/contrib/opackiosk/checkouts/" + renewable
                + "/renewal_due_date", demo.token);
        HttpResponse<String> refused = demo.client.get("/api/v1/contrib/opackiosk/checkouts/" + overdue
                + "/renewal_due_date", demo.token);

        // then
        assertThat(ApiClient.json(ok).path("due_date").asText())
                .isEqualTo(CirculationFixture.TODAY.plusDays(14) + "T23:59:00+09:00");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(refused).path("error_code").asText()).isEqualTo("overdue");
    }

    @Test
    void loansEmbedTheirItemAndRecordAndReturnedOnesAreListedApart() {
        // given a returned loan
        int patron = demo.patronId("01000019");
        var record = demo.untouchedRecord(MaterialType.BOOK, 1, null);
        demo.lendAllCopies(record.number(), "01000019");
        demo.checkin(CirculationFixture.copies(record.number()).getFirst().barcode());

        // when
        JsonNode current = ApiClient.json(demo.client.get("/api/v1/patrons/" + patron + "/checkouts", demo.token,
                "x-koha-embed", "item,item.biblio"));
        JsonNode returned = ApiClient.json(demo.client.get("/api/v1/checkouts?patron_id=" + patron
                + "&checked_in=true", demo.token));

        // then
        assertThat(current).isNotEmpty();
        assertThat(current.get(0).path("item").path("biblio").path("title").asText()).isNotEmpty();
        assertThat(returned).hasSize(1);
        assertThat(returned.get(0).path("item_id").asInt())
                .isEqualTo(CirculationFixture.copies(record.number()).getFirst().itemNumber());
        assertThat(returned.get(0).path("checkin_date").isNull()).isFalse();
    }
}
