package org.opackiosk.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;

class LocalizationTest {

    @Test
    void japaneseAndEnglishHaveTheSameKeysAndNoEmptyTexts() throws IOException {
        // given
        Properties ja = load("ja");
        Properties en = load("en");

        // then
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ja.stringPropertyNames());
        assertThat(ja.stringPropertyNames()).allSatisfy(key -> {
            assertThat(ja.getProperty(key)).as("ja %s", key).isNotEmpty();
            assertThat(en.getProperty(key)).as("en %s", key).isNotEmpty();
        });
    }

    @Test
    void textsWithArgumentsAreValidMessageFormatPatterns() throws IOException {
        for (String language : new String[] {"ja", "en"}) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0}")) {
                    assertThat(new MessageFormat(text).format(new Object[] {"X", "Y"})).as(key).contains("X");
                }
            }
        }
    }

    @Test
    void japaneseTextsAreReadAsUtf8() {
        assertThat(Localization.lookup(Locale.JAPANESE, "attract.scan")).isEqualTo("カードをかざしてください");
    }

    @Test
    void aTextBindingFollowsTheLanguage() {
        // given
        Localization l10n = new Localization(Locale.JAPANESE);
        StringBinding home = l10n.text("frame.home");
        assertThat(home.get()).isEqualTo("ホーム");

        // when
        l10n.setLocale(Locale.ENGLISH);

        // then
        assertThat(home.get()).isEqualTo("Home");
    }

    @Test
    void aFormattedBindingFollowsItsArgumentsAndTheLanguage() {
        // given
        Localization l10n = new Localization(Locale.JAPANESE);
        SimpleIntegerProperty page = new SimpleIntegerProperty(1);
        StringBinding text = l10n.format("browse.page", page, new SimpleIntegerProperty(3));
        assertThat(text.get()).isEqualTo("1 / 3 ページ");

        // when
        page.set(2);
        l10n.setLocale(Locale.ENGLISH);

        // then
        assertThat(text.get()).isEqualTo("Page 2 of 3");
    }

    @Test
    void regionalVariantsMapToTheirLanguageAndUnknownLanguagesToJapanese() {
        assertThat(Localization.supported(Locale.forLanguageTag("ja-JP"))).isEqualTo(Locale.JAPANESE);
        assertThat(Localization.supported(Locale.UK)).isEqualTo(Locale.ENGLISH);
        assertThat(Localization.supported(Locale.FRENCH)).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void aMissingKeyShowsTheKeyInsteadOfFailing() {
        assertThat(new Localization(Locale.ENGLISH).get("no.such.key")).isEqualTo("no.such.key");
    }

    private static Properties load(String language) throws IOException {
        String name = "/" + Localization.BUNDLE.replace('.', '/') + "_" + language + ".properties";
        try (InputStream in = Localization.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
