package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.FakeKoha.Recorded;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.loans.Loan;

/** Loans, renewability and renewals against a scripted Koha. */
class KohaLoansTest extends CirculationFixture {

    private static final String CHECKOUTS = "/api/v1/patrons/42/checkouts";
    private static final String TWO_LOANS = """
            [{"checkout_id":11,"patron_id":42,"item_id":701,"due_date":"2026-03-31T23:59:00+09:00",
              "checkout_date":"2026-03-17T10:00:00+09:00","renewals_count":2,
              "item":{"item_id":701,"biblio_id":101,"external_id":"1000701","biblio":{"biblio_id":101,"title":"吾輩は猫である"}}},
             {"checkout_id":12,"patron_id":42,"item_id":702,"due_date":"2026-04-10T23:59:00+09:00",
              "checkout_date":"2026-03-27T10:00:00+09:00","renewals_count":0,
              "item":{"item_id":702,"biblio_id":102,"external_id":"1000702"}}]""";

    private void renewability() {
        koha.on("GET", "/api/v1/checkouts/11/allows_renewal", FakeKoha.json(200,
                "{\"allows_renewal\":false,\"max_renewals\":2,\"current_renewals\":2,\"unseen_renewals\":0,\"error\":\"on_reserve\"}"));
        koha.on("GET", "/api/v1/checkouts/12/allows_renewal", FakeKoha.json(200,
                "{\"allows_renewal\":true,\"max_renewals\":2,\"current_renewals\":0,\"unseen_renewals\":0,\"error\":null}"));
        koha.on("GET", "/api/v1/biblios/102", FakeKoha.json(200, "{\"biblio_id\":102,\"title\":\"こころ\"}"));
    }

    @Test
    void loansCarryTitlesDueDatesOverdueAndWhyTheyCannotBeRenewed() {
        // given
        withExtensions();
        koha.on("GET", CHECKOUTS, FakeKoha.json(200, TWO_LOANS));
        renewability();
        koha.on("GET", "/api/v1/contrib/opackiosk/checkouts/12/renewal_due_date", FakeKoha.json(200, "{\"due_date\":\"2026-04-15\"}"));

        // when
        CallResult<List<Loan>> result = service.loans(PATRON);

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of(
                new Loan("11", "101", "701", "吾輩は猫である", LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 31), true, true, 2,
                        new Loan.Renewal.NotAllowed(new Refusal("on_reserve", "refusal.renewal.on_reserve"))),
                new Loan("12", "102", "702", "こころ", LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 10), false, false, 0,
                        new Loan.Renewal.Allowed(Optional.of(LocalDate.of(2026, 4, 15)))))));
        Recorded list = koha.requests("GET", CHECKOUTS).get(0);
        assertThat(list.header("x-koha-embed")).isEqualTo("item,item.biblio");
        assertThat(sent()).containsExactly(
                "GET " + CHECKOUTS + "?_page=1&_per_page=100", "GET /api/v1/checkouts/11/allows_renewal", "GET /api/v1/biblios/102",
                "GET /api/v1/checkouts/12/allows_renewal", "GET /api/v1/contrib/opackiosk/checkouts/12/renewal_due_date");
    }

    @Test
    void withoutTheExtensionARenewableLoanHasNoKnownNewDueDate() {
        // given: capabilities answer 404
        koha.on("GET", CHECKOUTS, FakeKoha.json(200, TWO_LOANS));
        renewability();

        // when
        List<Loan> loans = ((CallResult.Ok<List<Loan>>) service.loans(PATRON)).value();

        // then
        assertThat(loans.get(1).renewal()).isEqualTo(new Loan.Renewal.Allowed(Optional.empty()));
        assertThat(koha.requests()).noneMatch(r -> r.path().endsWith("renewal_due_date"));
    }

    @Test
    void kohaWithoutThePatronCheckoutsRouteIsAskedByPatronId() {
        // given: /patrons/42/checkouts is unscripted, so 404
        koha.on("GET", "/api/v1/checkouts", FakeKoha.json(200, "[]"));

        // when
        CallResult<List<Loan>> result = service.loans(PATRON);

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of()));
        Recorded fallback = koha.requests("GET", "/api/v1/checkouts").get(0);
        assertThat(fallback.rawQuery()).isEqualTo("patron_id=42&_page=1&_per_page=100");
        assertThat(fallback.header("x-koha-embed")).isEqualTo("item,item.biblio");
    }

    @Test
    void renewalReturnsTheLoanWithItsNewDueDate() {
        // given
        koha.on("POST", "/api/v1/checkouts/12/renewal", FakeKoha.json(201,
                "{\"checkout_id\":12,\"patron_id\":42,\"item_id\":702,\"due_date\":\"2026-04-24T23:59:00+09:00\",\"renewals_count\":1}"));
        koha.on("GET", CHECKOUTS, FakeKoha.json(200, TWO_LOANS.replace("2026-04-10T23:59", "2026-04-24T23:59")));
        renewability();

        // when
        CallResult<Loan> result = service.renew(PATRON, "12");

        // then
        Loan loan = ((CallResult.Ok<Loan>) result).value();
        assertThat(loan.checkoutId()).isEqualTo("12");
        assertThat(loan.title()).isEqualTo("こころ");
        assertThat(loan.dueDate()).isEqualTo(LocalDate.of(2026, 4, 24));
        Recorded renewal = koha.requests("POST", "/api/v1/checkouts/12/renewal").get(0);
        assertThat(renewal.body()).isEmpty();
    }

    @Test
    void refusedRenewalCarriesKohasReason() {
        // given: Koha names the reason only inside its message
        koha.on("POST", "/api/v1/checkouts/12/renewal", FakeKoha.json(403, "{\"error\":\"Renewal not authorized (too_many)\"}"));

        // when
        CallResult<Loan> result = service.renew(PATRON, "12");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("too_many", "refusal.renewal.too_many")));
    }

    @Test
    void renewalWithoutAnAnswerIsAmbiguousAndSentExactlyOnce() {
        // given
        impatientClient();
        koha.on("POST", "/api/v1/checkouts/12/renewal", koha.hang());

        // when
        CallResult<Loan> result = service.renew(PATRON, "12");

        // then
        assertThat(result).isInstanceOf(CallResult.Ambiguous.class);
        assertThat(koha.requests("POST", "/api/v1/checkouts/12/renewal")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void busyServerOnAReadIsAskedAgainAfterTheWaitItAskedFor() {
        // given
        koha.onSequence("GET", CHECKOUTS, FakeKoha.json(503, "{\"error\":\"busy\"}", "Retry-After", "3"), FakeKoha.json(200, "[]"));

        // when
        CallResult<List<Loan>> result = service.loans(PATRON);

        // then
        assertThat(result).isEqualTo(CallResult.ok(List.of()));
        assertThat(koha.requests("GET", CHECKOUTS)).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void busyServerOnAMutationIsUnreachableAndNotRepeatedBecauseNothingWasDone() {
        // given
        koha.on("POST", "/api/v1/checkouts/12/renewal", FakeKoha.json(503, "{\"error\":\"busy\"}", "Retry-After", "3"));

        // when
        CallResult<Loan> result = service.renew(PATRON, "12");

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests("POST", "/api/v1/checkouts/12/renewal")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void serverAskingForALongPauseIsUnreachableAtOnce() {
        // given
        koha.on("GET", CHECKOUTS, FakeKoha.json(503, "{\"error\":\"maintenance\"}", "Retry-After", "600"));

        // when
        CallResult<List<Loan>> result = service.loans(PATRON);

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests("GET", CHECKOUTS)).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void nonNumericCheckoutIdIsNotFoundWithoutARequest() {
        // when
        CallResult<Loan> result = service.renew(PATRON, "12; DROP");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("not_found", "refusal.not_found")));
        assertThat(koha.requests()).isEmpty();
    }
}
