package org.opackiosk.circulation.koha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.Refusal;
import org.opackiosk.core.circulation.RefusalMessages;

/** Every code the adapter can refuse with has a sentence in Japanese and in English. */
class KohaRefusalsTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RefusalMessages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKnownCodeHasAJapaneseAndAnEnglishSentence() throws IOException {
        // given
        Properties japanese = bundle("refusals.properties");
        Properties english = bundle("refusals_en.properties");

        // then
        for (String code : KohaRefusals.KNOWN_CODES) {
            String key = KohaRefusals.of(code).messageKey();
            assertThat(key).isEqualTo("refusal." + code);
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        }
        for (String error : KohaRefusals.RENEWAL_CODES) {
            String key = KohaRefusals.renewal(error).messageKey();
            assertThat(key).isEqualTo("refusal.renewal." + error);
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        }
        assertThat(japanese.getProperty("refusal.renewal.generic")).isNotBlank();
        assertThat(english.getProperty("refusal.renewal.generic")).isNotBlank();
    }

    @Test
    void unknownCodesKeepTheirCodeAndGetTheGenericSentence() {
        // then
        assertThat(KohaRefusals.of("hold_date_in_future")).isEqualTo(new Refusal("hold_date_in_future", "refusal.generic"));
        assertThat(KohaRefusals.renewal("lengthy")).isEqualTo(new Refusal("lengthy", "refusal.renewal.generic"));
        assertThat(KohaRefusals.renewal(null)).isEqualTo(new Refusal("generic", "refusal.renewal.generic"));
    }
}
