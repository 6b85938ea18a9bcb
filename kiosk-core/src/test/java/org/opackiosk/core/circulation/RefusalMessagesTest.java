package org.opackiosk.core.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class RefusalMessagesTest {

    @Test
    void japaneseIsTheDefaultLanguage() {
        // when
        String text = RefusalMessages.text("refusal.too_many_reserves", Locale.JAPANESE);

        // then
        assertThat(text).isEqualTo("予約できる点数の上限に達しています。予約中の資料を受け取るか、取り消してから予約してください。");
    }

    @Test
    void englishIsGivenWhenAskedFor() {
        // when
        String text = RefusalMessages.text(new Refusal("too_many_reserves", "refusal.too_many_reserves"), Locale.ENGLISH);

        // then
        assertThat(text).isEqualTo("You have reached the maximum number of holds. Pick up or cancel a hold, then try again.");
    }

    @Test
    void aLanguageWithoutSentencesGetsJapaneseWhateverTheJvmDefaultIs() {
        // given
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            // when
            String text = RefusalMessages.text("refusal.invalid_credentials", Locale.KOREAN);

            // then
            assertThat(text).isEqualTo(RefusalMessages.text("refusal.invalid_credentials", Locale.JAPANESE))
                    .contains("パスワード");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRequestStaffDiscardedSaysSoInBothLanguages() {
        Refusal discarded = org.opackiosk.core.outbox.Outbox.DISCARDED;

        assertThat(RefusalMessages.text(discarded, Locale.JAPANESE)).contains("職員", "取りやめ")
                .isNotEqualTo(RefusalMessages.text(RefusalMessages.GENERIC_KEY, Locale.JAPANESE));
        assertThat(RefusalMessages.text(discarded, Locale.ENGLISH)).contains("staff stopped");
    }

    @Test
    void unknownKeyFallsBackToTheGenericSentence() {
        // when / then
        assertThat(RefusalMessages.text("refusal.http_418", Locale.JAPANESE))
                .isEqualTo(RefusalMessages.text(RefusalMessages.GENERIC_KEY, Locale.JAPANESE))
                .contains("カウンターの職員にお声がけください");
        assertThat(RefusalMessages.text((String) null, Locale.ENGLISH)).contains("Please ask at the counter");
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoSentenceShowsACode() throws IOException {
        // given
        Properties japanese = load("refusals.properties");
        Properties english = load("refusals_en.properties");

        // then
        assertThat(english.stringPropertyNames()).isEqualTo(japanese.stringPropertyNames());
        for (String key : japanese.stringPropertyNames()) {
            assertThat(japanese.getProperty(key)).as(key).isNotBlank().doesNotContain("_").matches(".*[。]$");
            assertThat(english.getProperty(key)).as(key).isNotBlank().doesNotContain("_").matches(".*[.]$");
        }
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RefusalMessages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
