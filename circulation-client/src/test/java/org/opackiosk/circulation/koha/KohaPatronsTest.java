package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.opackiosk.circulation.testing.FakeKoha;
import org.opackiosk.circulation.testing.FakeKoha.Recorded;
import org.opackiosk.circulation.testing.KohaContract;
import org.opackiosk.circulation.testing.LogCapture;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.circulation.Done;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.patron.IdentityCheck;
import org.opackiosk.core.patron.Notice;
import org.opackiosk.core.patron.PasswordPolicy;
import org.opackiosk.core.patron.PatronId;
import org.opackiosk.core.patron.PatronSummary;
import org.opackiosk.core.patron.SuspensionCategory;

/** Patron login, lookup, summary, passwords and e-mail against a scripted Koha. */
class KohaPatronsTest extends CirculationFixture {

    private static final String VALIDATION = "/api/v1/auth/password/validation";
    private static final String PATRONS = "/api/v1/patrons";
    private static final String PATRON_42 = "/api/v1/patrons/42";
    private static final String PASSWORD = "/api/v1/patrons/42/password";
    private static final String PASSWORD_TEXT = "pw1234";

    @Test
    void authenticateSendsTheCardAsIdentifierAndReturnsThePatronId() {
        // given
        koha.on("POST", VALIDATION, FakeKoha.json(201, "{\"cardnumber\":\"01000001\",\"patron_id\":42,\"userid\":\"yamada\"}"));

        // when
        CallResult<PatronId> result = service.authenticate(CARD, PASSWORD_TEXT);

        // then
        assertThat(result).isEqualTo(CallResult.ok(PATRON));
        Recorded request = koha.requests("POST", VALIDATION).get(0);
        assertThat(json(request.body())).isEqualTo(json("{\"identifier\":\"01000001\",\"password\":\"pw1234\"}"));
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(KohaContract.requestBodyProblems("post", "/auth/password/validation", request.body())).isEmpty();
    }

    @Test
    void koha2305RejectingIdentifierIsAskedByUseridAndThePatronIsFoundByCard() {
        // given: Koha 23.05 knows only userid and answers 204
        koha.onSequence("POST", VALIDATION,
                FakeKoha.json(400, "{\"errors\":[{\"message\":\"Properties not allowed: identifier.\",\"path\":\"/body\"}],\"status\":400}"),
                FakeKoha.json(204, ""));
        koha.on("GET", PATRONS, FakeKoha.json(200, "[" + patronJson(null) + "]"));

        // when
        CallResult<PatronId> result = service.authenticate(CARD, PASSWORD_TEXT);

        // then
        assertThat(result).isEqualTo(CallResult.ok(PATRON));
        List<Recorded> validations = koha.requests("POST", VALIDATION);
        assertThat(validations).extracting(r -> json(r.body())).containsExactly(
                json("{\"identifier\":\"01000001\",\"password\":\"pw1234\"}"),
                json("{\"userid\":\"01000001\",\"password\":\"pw1234\"}"));
        assertThat(KohaContract.requestBodyProblems("post", "/auth/password/validation", validations.get(1).body())).isEmpty();
        assertThat(koha.requests("GET", PATRONS).get(0).query())
                .containsExactly(Map.entry("cardnumber", CARD), Map.entry("_match", "exact"));
    }

    @Test
    void wrongPasswordIsRefusedAsInvalidCredentialsWithoutAnotherTry() {
        // given
        koha.on("POST", VALIDATION, FakeKoha.json(400, "{\"error\":\"Validation failed\"}"));

        // when
        CallResult<PatronId> result = service.authenticate(CARD, "wrong");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("invalid_credentials", "refusal.invalid_credentials")));
        assertThat(koha.requests("POST", VALIDATION)).hasSize(1);
    }

    @Test
    void validationThatGetsNoAnswerIsUnreachableNotAmbiguousAndSentOnce() {
        // given
        impatientClient();
        koha.on("POST", VALIDATION, koha.hang());

        // when
        CallResult<PatronId> result = service.authenticate(CARD, PASSWORD_TEXT);

        // then
        assertThat(result).isInstanceOf(CallResult.Unreachable.class);
        assertThat(koha.requests("POST", VALIDATION)).hasSize(1);
    }

    @Test
    void cardNumbersAndPasswordsNeverReachTheLog() {
        try (LogCapture log = new LogCapture()) {
            // given
            koha.on("POST", VALIDATION, FakeKoha.json(400, "{\"error\":\"Validation failed\"}"));
            koha.on("GET", PATRONS, FakeKoha.json(200, "[]"));

            // when
            service.authenticate(CARD, PASSWORD_TEXT);
            service.findPatron(CARD);
            koha.on("POST", VALIDATION, FakeKoha.json(500, "{}"));
            service.authenticate(CARD, PASSWORD_TEXT);

            // then
            assertThat(log.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .doesNotContain(CARD).doesNotContain(PASSWORD_TEXT));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("****0001"));
        }
    }

    @Test
    void unknownCardIsRefusedAsPatronNotFound() {
        // given
        koha.on("GET", PATRONS, FakeKoha.json(200, "[]"));

        // when
        CallResult<PatronId> result = service.findPatron("09999999");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("patron_not_found", "refusal.patron_not_found")));
        assertThat(koha.requests("GET", PATRONS).get(0).rawQuery()).isEqualTo("cardnumber=09999999&_match=exact");
    }

    @Test
    void theCategoryIsReadFromThePatronHoldingExactlyThatCard() {
        // given a list that also holds a patron with another card
        koha.on("GET", PATRONS, FakeKoha.json(200, "[{\"patron_id\":7,\"cardnumber\":\"01000002\",\"category_id\":\"ADULT\"},"
                + "{\"patron_id\":42,\"cardnumber\":\"01000001\",\"category_id\":\"STAFF\"}]"));

        // when
        CallResult<String> result = service.patronCategory(CARD);

        // then
        assertThat(result).isEqualTo(CallResult.ok("STAFF"));
        assertThat(koha.requests("GET", PATRONS).get(0).rawQuery()).isEqualTo("cardnumber=01000001&_match=exact");
    }

    @Test
    void theCategoryOfAnUnknownCardIsPatronNotFoundAndAServerErrorIsUnreachable() {
        koha.on("GET", PATRONS, FakeKoha.json(200, "[]"));
        assertThat(service.patronCategory("09999999"))
                .isEqualTo(CallResult.refused(new Refusal("patron_not_found", "refusal.patron_not_found")));

        koha.on("GET", PATRONS, FakeKoha.json(200, "[{\"patron_id\":42,\"cardnumber\":\"01000001\",\"category_id\":{}}]"));
        assertThat(service.patronCategory(CARD)).isInstanceOf(CallResult.Unreachable.class);
    }

    @Test
    void summaryHasNameCountsAndTheNoticesToShowAfterLogin() {
        // given: card expires in 19 days, one of two loans overdue, two holds of which one is ready
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson("taro@example.jp").replace("\"restricted\":false", "\"restricted\":true")));
        koha.on("GET", PATRON_42 + "/checkouts", FakeKoha.json(200, """
                [{"checkout_id":1,"patron_id":42,"item_id":7,"due_date":"2026-03-31T23:59:00+09:00"},
                 {"checkout_id":2,"patron_id":42,"item_id":8,"due_date":"2026-04-10T23:59:00+09:00"}]"""));
        koha.on("GET", PATRON_42 + "/holds", FakeKoha.json(200, """
                [{"hold_id":5,"patron_id":42,"biblio_id":101,"status":"W","expiration_date":"2026-04-08","priority":0},
                 {"hold_id":6,"patron_id":42,"biblio_id":102,"status":null,"priority":3}]"""));
        koha.on("GET", "/api/v1/biblios/101", FakeKoha.json(200, "{\"biblio_id\":101,\"title\":\"吾輩は猫である\"}"));

        // when
        CallResult<PatronSummary> result = service.patronSummary(PATRON);

        // then
        PatronSummary summary = ((CallResult.Ok<PatronSummary>) result).value();
        assertThat(summary.displayName()).isEqualTo("山田 太郎");
        assertThat(summary.cardNumber()).isEqualTo(CARD);
        assertThat(summary.email()).contains("taro@example.jp");
        assertThat(summary.secondaryEmail()).isEmpty();
        assertThat(summary.expiryDate()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(summary.restriction()).contains(SuspensionCategory.OTHER);
        assertThat(List.of(summary.loanCount(), summary.overdueCount(), summary.holdCount(), summary.readyHoldCount()))
                .containsExactly(2, 1, 2, 1);
        assertThat(summary.notices()).containsExactly(
                new Notice.CardExpiresSoon(LocalDate.of(2026, 4, 20)),
                new Notice.Suspended(SuspensionCategory.OTHER),
                new Notice.Overdue(1),
                new Notice.HoldsReady(List.of(new Notice.ReadyHold("吾輩は猫である", LocalDate.of(2026, 4, 8)))));
        assertThat(summary.dateOfBirth()).contains(LocalDate.of(1980, 5, 5));
        assertThat(summary.toString()).doesNotContain(CARD).doesNotContain("山田").doesNotContain("taro").doesNotContain("1980");
        assertThat(koha.requests("GET", PATRON_42).get(0).header("x-koha-embed")).isNull();
    }

    private void restrictedPatronOnAServerListingRestrictions(boolean restricted) {
        koha.on("GET", CAPABILITIES, FakeKoha.json(200, "{\"capabilities\":[\"patron_restrictions\"]}"));
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson("taro@example.jp")
                .replace("\"restricted\":false", "\"restricted\":" + restricted)));
        koha.on("GET", PATRON_42 + "/checkouts", FakeKoha.json(200, "[]"));
        koha.on("GET", PATRON_42 + "/holds", FakeKoha.json(200, "[]"));
    }

    @Test
    void theCategoryOfARestrictionComesFromItsKohaTypeWhereTheServerListsRestrictions() {
        // given a restricted patron and a server that lists restrictions with Koha's types
        restrictedPatronOnAServerListingRestrictions(true);
        String restrictions = "/api/v1/contrib/opackiosk/patrons/42/restrictions";
        Map<String, SuspensionCategory> expected = new LinkedHashMap<>();
        expected.put("OVERDUES", SuspensionCategory.OVERDUES);
        expected.put("SUSPENSION", SuspensionCategory.LATE_RETURNS);
        expected.put("DEBT", SuspensionCategory.FINES);
        expected.put("MANUAL", SuspensionCategory.MANUAL);
        expected.put("DISCHARGE", SuspensionCategory.OTHER);
        expected.put("SOMETHING_LOCAL", SuspensionCategory.OTHER);

        for (Map.Entry<String, SuspensionCategory> type : expected.entrySet()) {
            koha.on("GET", restrictions, FakeKoha.json(200,
                    "[{\"type\":\"" + type.getKey() + "\",\"comment\":\"延滞\",\"expiration\":null}]"));

            // when
            PatronSummary summary = ((CallResult.Ok<PatronSummary>) service.patronSummary(PATRON)).value();

            // then
            assertThat(summary.restriction()).as(type.getKey()).contains(type.getValue());
            assertThat(summary.notices()).as(type.getKey()).contains(new Notice.Suspended(type.getValue()));
        }
    }

    @Test
    void aRestrictionListThatDoesNotAnswerStillGivesTheSuspensionWithoutItsCategory() {
        // given
        restrictedPatronOnAServerListingRestrictions(true);
        koha.on("GET", "/api/v1/contrib/opackiosk/patrons/42/restrictions", FakeKoha.json(500, "{}"));

        // when
        CallResult<PatronSummary> result = service.patronSummary(PATRON);

        // then
        assertThat(((CallResult.Ok<PatronSummary>) result).value().notices())
                .contains(new Notice.Suspended(SuspensionCategory.OTHER));
    }

    @Test
    void anUnrestrictedPatronsRestrictionsAreNotAskedFor() {
        // given
        restrictedPatronOnAServerListingRestrictions(false);

        // when
        PatronSummary summary = ((CallResult.Ok<PatronSummary>) service.patronSummary(PATRON)).value();

        // then
        assertThat(summary.restriction()).isEmpty();
        assertThat(koha.requests("GET", "/api/v1/contrib/opackiosk/patrons/42/restrictions")).isEmpty();
    }

    @Test
    void eachReadyHoldIsNoticedWithItsOwnTitleAndLastDayTheFirstDeadlineFirst() {
        // given two holds on the hold shelf with different last days, and one still in the queue
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson("taro@example.jp")));
        koha.on("GET", PATRON_42 + "/checkouts", FakeKoha.json(200, "[]"));
        koha.on("GET", PATRON_42 + "/holds", FakeKoha.json(200, """
                [{"hold_id":5,"patron_id":42,"biblio_id":101,"status":"W","expiration_date":"2026-04-08","priority":0},
                 {"hold_id":7,"patron_id":42,"biblio_id":103,"status":"W","expiration_date":"2026-04-03","priority":0},
                 {"hold_id":6,"patron_id":42,"biblio_id":102,"status":null,"priority":3}]"""));
        koha.on("GET", "/api/v1/biblios/101", FakeKoha.json(200, "{\"biblio_id\":101,\"title\":\"吾輩は猫である\"}"));
        koha.on("GET", "/api/v1/biblios/103", FakeKoha.json(200, "{\"biblio_id\":103,\"title\":\"こころ\"}"));

        // when
        PatronSummary summary = ((CallResult.Ok<PatronSummary>) service.patronSummary(PATRON)).value();

        // then
        assertThat(summary.readyHoldCount()).isEqualTo(2);
        assertThat(summary.notices()).contains(new Notice.HoldsReady(List.of(
                new Notice.ReadyHold("こころ", LocalDate.of(2026, 4, 3)),
                new Notice.ReadyHold("吾輩は猫である", LocalDate.of(2026, 4, 8)))));
        assertThat(koha.requests("GET", "/api/v1/biblios/102")).isEmpty();
    }

    @Test
    void kohaKeepsASecondAddressUnlessItsPatronObjectHasNone() {
        // given plain Koha: the patron object has secondary_email (null)
        assertThat(service.capabilities()).contains(Capability.SECONDARY_EMAIL);

        // when a server's patron object comes without the field
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson("taro@example.jp").replace("\"secondary_email\":null,", "")));
        koha.on("PUT", PATRON_42, FakeKoha.json(200, "{}"));
        koha.on("GET", PATRON_42 + "/checkouts", FakeKoha.json(200, "[]"));
        koha.on("GET", PATRON_42 + "/holds", FakeKoha.json(200, "[]"));
        service.patronSummary(PATRON);

        // then the second address is not offered, not sent, and refused when asked for
        assertThat(service.capabilities()).doesNotContain(Capability.SECONDARY_EMAIL);
        assertThat(service.updateEmails(PATRON, Optional.of("new@example.jp"), Optional.empty())).isEqualTo(CallResult.ok(Done.DONE));
        assertThat(koha.requests("PUT", PATRON_42).get(0).body()).doesNotContain("secondary_email");
        assertThat(service.updateEmails(PATRON, Optional.of("new@example.jp"), Optional.of("second@example.jp")))
                .isInstanceOf(CallResult.Refused.class);
        assertThat(koha.requests("PUT", PATRON_42)).hasSize(1);
    }

    @Test
    void passwordPolicyComesFromTheExtension() {
        // given
        koha.on("GET", "/api/v1/contrib/opackiosk/password_policy",
                FakeKoha.json(200, "{\"min_length\":6,\"max_length\":12,\"letters_and_digits_only\":false}"));

        // when / then
        assertThat(service.passwordPolicy()).isEqualTo(CallResult.ok(new PasswordPolicy(6, 12, false)));

        // a library with Koha's RequireStrongPassword: a letter and a digit, upper and lower case
        koha.on("GET", "/api/v1/contrib/opackiosk/password_policy", FakeKoha.json(200, "{\"min_length\":8,\"max_length\":20,"
                + "\"letters_and_digits_only\":false,\"require_letters_and_digits\":true,\"require_upper_and_lower_case\":true}"));
        assertThat(service.passwordPolicy()).isEqualTo(CallResult.ok(new PasswordPolicy(8, 20, false, true, true)));
    }

    @Test
    void plainKohaGetsTheKiosksDefaultPasswordPolicy() {
        // when / then: unscripted routes answer 404
        assertThat(service.passwordPolicy()).isEqualTo(CallResult.ok(PasswordPolicy.DEFAULT));
    }

    @Test
    void identityCheckSendsCardBirthDateAndPhone() {
        // given
        withExtensions();
        koha.on("POST", "/api/v1/contrib/opackiosk/identity_check", FakeKoha.json(200, "{\"patron_id\":42}"));

        // when
        CallResult<PatronId> result = service.verifyIdentity(new IdentityCheck(CARD, LocalDate.of(1980, 5, 5), "090-1234-5678"));

        // then
        assertThat(result).isEqualTo(CallResult.ok(PATRON));
        assertThat(json(koha.requests("POST", "/api/v1/contrib/opackiosk/identity_check").get(0).body()))
                .isEqualTo(json("{\"cardnumber\":\"01000001\",\"date_of_birth\":\"1980-05-05\",\"phone\":\"090-1234-5678\"}"));
    }

    @Test
    void identityCheckRefusalsKeepTheirCodes() {
        // given
        withExtensions();
        String path = "/api/v1/contrib/opackiosk/identity_check";
        koha.onSequence("POST", path,
                FakeKoha.json(403, "{\"error\":\"Not confirmed\",\"error_code\":\"identity_not_confirmed\"}"),
                FakeKoha.json(409, "{\"error\":\"Already set\",\"error_code\":\"password_already_set\"}"),
                FakeKoha.json(429, "{\"error\":\"Too many\",\"error_code\":\"too_many_attempts\"}"));
        IdentityCheck check = new IdentityCheck(CARD, LocalDate.of(1980, 5, 5), "0901234");

        // when / then
        assertThat(service.verifyIdentity(check)).isEqualTo(CallResult.refused(new Refusal("identity_not_confirmed", "refusal.identity_not_confirmed")));
        assertThat(service.verifyIdentity(check)).isEqualTo(CallResult.refused(new Refusal("password_already_set", "refusal.password_already_set")));
        assertThat(service.verifyIdentity(check)).isEqualTo(CallResult.refused(new Refusal("too_many_attempts", "refusal.too_many_attempts")));
        assertThat(koha.requests("POST", path)).hasSize(3);
    }

    @Test
    void identityCheckOnPlainKohaIsRefusedWithoutARequest() {
        // when
        CallResult<PatronId> result = service.verifyIdentity(new IdentityCheck(CARD, LocalDate.of(1980, 5, 5), "0901234"));

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("feature_unsupported", "refusal.feature_unsupported")));
        assertThat(sent()).isEmpty();
    }

    @Test
    void setPasswordUsesTheStaffRouteWithTheRepeatedPassword() {
        // given
        koha.on("POST", PASSWORD, FakeKoha.json(200, "\"\""));

        // when
        CallResult<Done> result = service.setPassword(PATRON, "abc12345");

        // then
        assertThat(result).isEqualTo(CallResult.ok(Done.DONE));
        String body = koha.requests("POST", PASSWORD).get(0).body();
        assertThat(json(body)).isEqualTo(json("{\"password\":\"abc12345\",\"password_2\":\"abc12345\"}"));
        assertThat(KohaContract.requestBodyProblems("post", "/patrons/{patron_id}/password", body)).isEmpty();
    }

    @Test
    void passwordKohaFindsTooShortIsRefusedWithItsSentence() {
        // given: Koha's own answer carries only the exception's text; the demo server sends a code
        koha.onSequence("POST", PASSWORD,
                FakeKoha.json(400, "{\"error\":\"Password length (2) is shorter than required (3)\"}"),
                FakeKoha.json(400, "{\"error\":\"Invalid password\",\"error_code\":\"password_invalid_characters\"}"),
                FakeKoha.json(400, "{\"error\":\"Password contains leading/trailing whitespace character(s)\"}"));

        // when / then
        assertThat(service.setPassword(PATRON, "ab")).isEqualTo(CallResult.refused(new Refusal("password_too_short", "refusal.password_too_short")));
        assertThat(service.setPassword(PATRON, "ab!")).isEqualTo(CallResult.refused(
                new Refusal("password_invalid_characters", "refusal.password_invalid_characters")));
        assertThat(service.setPassword(PATRON, " ab")).isEqualTo(CallResult.refused(
                new Refusal("password_has_whitespace", "refusal.password_has_whitespace")));
    }

    @Test
    void changePasswordChecksTheOldOneForThePatronsOwnCardThenSetsTheNewOne() {
        // given
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson(null)));
        koha.on("POST", VALIDATION, FakeKoha.json(201, "{\"cardnumber\":\"01000001\",\"patron_id\":42,\"userid\":\"x\"}"));
        koha.on("POST", PASSWORD, FakeKoha.json(200, "\"\""));

        // when
        CallResult<Done> result = service.changePassword(PATRON, "old123", "new456");

        // then
        assertThat(result).isEqualTo(CallResult.ok(Done.DONE));
        assertThat(sent()).containsExactly("GET " + PATRON_42, "POST " + VALIDATION, "POST " + PASSWORD);
        assertThat(json(koha.requests("POST", VALIDATION).get(0).body()))
                .isEqualTo(json("{\"identifier\":\"01000001\",\"password\":\"old123\"}"));
        assertThat(json(koha.requests("POST", PASSWORD).get(0).body()))
                .isEqualTo(json("{\"password\":\"new456\",\"password_2\":\"new456\"}"));
    }

    @Test
    void changePasswordWithAWrongOldOneIsRefusedAndSetsNothing() {
        // given
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson(null)));
        koha.on("POST", VALIDATION, FakeKoha.json(400, "{\"error\":\"Validation failed\"}"));

        // when
        CallResult<Done> result = service.changePassword(PATRON, "wrong", "new456");

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("invalid_credentials", "refusal.invalid_credentials")));
        assertThat(koha.requests("POST", PASSWORD)).isEmpty();
    }

    @Test
    void updateEmailsPutsThePatronBackWithNewAddressesAndWithoutReadOnlyFields() {
        // given
        koha.on("GET", PATRON_42, FakeKoha.json(200, patronJson("old@example.jp")));
        koha.on("PUT", PATRON_42, FakeKoha.json(200, patronJson("new@example.jp")));

        // when
        CallResult<Done> result = service.updateEmails(PATRON, Optional.of("new@example.jp"), Optional.empty());

        // then
        assertThat(result).isEqualTo(CallResult.ok(Done.DONE));
        String body = koha.requests("PUT", PATRON_42).get(0).body();
        JsonNode sentPatron = json(body);
        assertThat(sentPatron.get("email").asText()).isEqualTo("new@example.jp");
        assertThat(sentPatron.get("secondary_email").isNull()).isTrue();
        assertThat(sentPatron.get("surname").asText()).isEqualTo("山田");
        assertThat(sentPatron.get("library_id").asText()).isEqualTo("CEN");
        assertThat(sentPatron.get("category_id").asText()).isEqualTo("ADULT");
        assertThat(sentPatron.get("date_of_birth").asText()).isEqualTo("1980-05-05");
        for (String readOnly : List.of("patron_id", "restricted", "anonymized", "protected", "updated_on", "last_seen", "login_attempts")) {
            assertThat(sentPatron.has(readOnly)).as(readOnly).isFalse();
        }
        assertThat(KohaContract.requestBodyProblems("put", "/patrons/{patron_id}", body)).isEmpty();
    }

    @Test
    void nonNumericPatronIdIsNotFoundWithoutARequest() {
        // when
        CallResult<PatronSummary> result = service.patronSummary(new PatronId("../admin"));

        // then
        assertThat(result).isEqualTo(CallResult.refused(new Refusal("not_found", "refusal.not_found")));
        assertThat(koha.requests()).isEmpty();
    }
}
