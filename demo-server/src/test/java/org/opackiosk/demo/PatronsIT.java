package org.opackiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Patrons: logging in, lookup, counts, e-mail changes and passwords. */
class PatronsIT {

    @RegisterExtension
    static final CirculationFixture demo = CirculationFixture.perClass();

    private static HttpResponse<String> validate(String body) {
        return demo.client.post("/api/v1/auth/password/validation", demo.token, body);
    }

    @Test
    void aPatronLogsInWithCardNumberAndPassword() {
        // when
        HttpResponse<String> response = validate("{\"identifier\":\"01000001\",\"password\":\"taro1234\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("cardnumber").asText()).isEqualTo("01000001");
        assertThat(body.path("patron_id").asInt()).isEqualTo(demo.patronId("01000001"));
        assertThat(body.path("userid").asText()).isEqualTo("01000001");
    }

    @Test
    void wrongPasswordsUnknownCardsAndPatronsWithoutAPasswordFailAlike() {
        // when
        List<HttpResponse<String>> responses = List.of(
                validate("{\"identifier\":\"01000001\",\"password\":\"wrong\"}"),
                validate("{\"identifier\":\"09999999\",\"password\":\"taro1234\"}"),
                validate("{\"identifier\":\"01000010\",\"password\":\"\"}"),
                validate("{\"userid\":\"01000010\",\"password\":\"anything\"}"));

        // then
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(ApiClient.json(response).path("error").asText()).isEqualTo("Validation failed");
        }
        assertThat(validate("{\"identifier\":\"01000001\",\"password\":\"x\",\"pin\":\"1\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPatronIsFoundByExactCardNumberWithTheirCounts() {
        // when
        JsonNode found = ApiClient.json(demo.client.get("/api/v1/patrons?cardnumber=01000005&_match=exact",
                demo.token, "x-koha-embed", "checkouts+count,overdues+count"));
        JsonNode none = ApiClient.json(demo.client.get("/api/v1/patrons?cardnumber=0100000&_match=exact", demo.token));

        // then
        assertThat(found).hasSize(1);
        JsonNode patron = found.get(0);
        assertThat(patron.path("surname").asText()).isEqualTo("田中");
        assertThat(patron.path("checkouts_count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(patron.path("overdues_count").asInt()).isEqualTo(2);
        assertThat(patron.path("library_id").asText()).isEqualTo("CEN");
        assertThat(patron.path("expiry_date").asText()).isEqualTo(CirculationFixture.TODAY.plusDays(300).toString());
        assertThat(none).isEmpty();
        assertThat(demo.client.get("/api/v1/patrons/99999", demo.token).statusCode()).isEqualTo(404);
    }

    @Test
    void aSuspendedPatronIsShownRestricted() {
        // when
        JsonNode patron = ApiClient.json(demo.client.get("/api/v1/patrons/" + demo.patronId("01000006"), demo.token));

        // then
        assertThat(patron.path("restricted").asBoolean()).isTrue();
    }

    @Test
    void anEmailAddressIsRegisteredByPuttingThePatronBackAndTheNewAddressIsMailed() throws IOException {
        // given
        int id = demo.patronId("01000003");
        ObjectNode patron = (ObjectNode) ApiClient.json(demo.client.get("/api/v1/patrons/" + id, demo.token));
        for (String readOnly : List.of("patron_id", "restricted", "updated_on")) {
            patron.remove(readOnly);
        }
        patron.put("email", "ichiro.suzuki@example.com");

        // when
        HttpResponse<String> response = demo.client.put("/api/v1/patrons/" + id, demo.token, patron.toString());

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiClient.json(response).path("email").asText()).isEqualTo("ichiro.suzuki@example.com");
        assertThat(ApiClient.json(demo.client.get("/api/v1/patrons/" + id, demo.token)).path("email").asText())
                .isEqualTo("ichiro.suzuki@example.com");
        String eml = mail("email-registered");
        assertThat(eml).contains("To: <ichiro.suzuki@example.com>");
        assertThat(subject(eml)).isEqualTo("メールアドレスを登録しました");
    }

    @Test
    void aMalformedEmailOrAReadOnlyFieldIsRefused() {
        // given
        int id = demo.patronId("01000002");
        ObjectNode patron = (ObjectNode) ApiClient.json(demo.client.get("/api/v1/patrons/" + id, demo.token));
        ObjectNode withId = patron.deepCopy();
        for (String readOnly : List.of("patron_id", "restricted", "updated_on")) {
            patron.remove(readOnly);
        }
        patron.put("email", "not an address");
        withId.remove("restricted");
        withId.remove("updated_on");

        // when
        HttpResponse<String> malformed = demo.client.put("/api/v1/patrons/" + id, demo.token, patron.toString());
        HttpResponse<String> readOnly = demo.client.put("/api/v1/patrons/" + id, demo.token, withId.toString());

        // then
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(malformed).path("error_code").asText()).isEqualTo("invalid_email");
        assertThat(readOnly.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(readOnly).path("errors").get(0).path("message").asText())
                .isEqualTo("Properties not allowed: patron_id.");
    }

    @Test
    void theStaffRouteSetsAPasswordThatFollowsThePolicy() {
        // given the patron without a password
        int id = demo.patronId("01000017");
        String path = "/api/v1/patrons/" + id + "/password";

        // when
        HttpResponse<String> mismatch = demo.client.post(path, demo.token,
                "{\"password\":\"abcd1234\",\"password_2\":\"abcd1235\"}");
        String tooShort = code(demo.client.post(path, demo.token, "{\"password\":\"abc\",\"password_2\":\"abc\"}"));
        String tooLong = code(demo.client.post(path, demo.token,
                "{\"password\":\"abcdefghijk\",\"password_2\":\"abcdefghijk\"}"));
        String whitespace = code(demo.client.post(path, demo.token,
                "{\"password\":\"abc d123\",\"password_2\":\"abc d123\"}"));
        String fullWidth = code(demo.client.post(path, demo.token,
                "{\"password\":\"ａｂｃｄ1234\",\"password_2\":\"ａｂｃｄ1234\"}"));
        HttpResponse<String> ok = demo.client.post(path, demo.token,
                "{\"password\":\"masaki17\",\"password_2\":\"masaki17\"}");

        // then
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(tooShort).isEqualTo("password_too_short");
        assertThat(tooLong).isEqualTo("password_too_long");
        assertThat(whitespace).isEqualTo("password_has_whitespace");
        assertThat(fullWidth).isEqualTo("password_invalid_characters");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(validate("{\"identifier\":\"01000017\",\"password\":\"masaki17\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aPatronChangesTheirOwnPasswordWithTheOldOne() throws IOException {
        // given
        int id = demo.patronId("01000008");
        String path = "/api/v1/public/patrons/" + id + "/password";
        String ownSession = "Basic " + Base64.getEncoder().encodeToString(
                "01000008:yumi0808".getBytes(StandardCharsets.UTF_8));

        // when
        HttpResponse<String> anonymous = demo.client.post(path, null,
                "{\"password\":\"yumi2026\",\"password_repeated\":\"yumi2026\",\"old_password\":\"yumi0808\"}");
        HttpResponse<String> wrongOld = demo.client.post(path, ownSession,
                "{\"password\":\"yumi2026\",\"password_repeated\":\"yumi2026\",\"old_password\":\"nope\"}");
        HttpResponse<String> ok = demo.client.post(path, ownSession,
                "{\"password\":\"yumi2026\",\"password_repeated\":\"yumi2026\",\"old_password\":\"yumi0808\"}");

        // then
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongOld.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(wrongOld).path("error").asText()).isEqualTo("Invalid password");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(validate("{\"identifier\":\"01000008\",\"password\":\"yumi2026\"}").statusCode()).isEqualTo(201);
        assertThat(subject(mail("password-changed"))).isEqualTo("パスワードを変更しました");
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return ApiClient.json(response).path("error_code").asText();
    }

    private static String mail(String kind) throws IOException {
        try (Stream<Path> files = Files.list(demo.server.mailDir())) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith("-" + kind + ".eml")).findFirst()
                    .orElseThrow();
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
    }

    /** The decoded Subject header (encoded words, possibly folded). */
    static String subject(String eml) {
        StringBuilder subject = new StringBuilder();
        boolean inSubject = false;
        for (String line : eml.split("\r\n")) {
            if (line.startsWith("Subject: ")) {
                inSubject = true;
                line = line.substring("Subject: ".length());
            } else if (!(inSubject && line.startsWith(" "))) {
                inSubject = false;
                continue;
            }
            String word = line.strip();
            assertThat(word).startsWith("=?UTF-8?B?").endsWith("?=");
            subject.append(new String(Base64.getDecoder().decode(word.substring(10, word.length() - 2)),
                    StandardCharsets.UTF_8));
        }
        return subject.toString();
    }
}
