package org.opackiosk.demo.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailerTest {

    @Test
    void aJapaneseSubjectBecomesFoldedEncodedWordsOfAtMost75Characters() {
        // given
        String subject = "予約資料のご用意ができました（みどり市立図書館からのお知らせ）";

        // when
        String encoded = Mailer.encodedWord(subject);

        // then
        StringBuilder decoded = new StringBuilder();
        for (String word : encoded.split("\r\n ")) {
            assertThat(word).startsWith("=?UTF-8?B?").endsWith("?=").hasSizeLessThanOrEqualTo(75);
            decoded.append(new String(Base64.getDecoder().decode(word.substring(10, word.length() - 2)),
                    StandardCharsets.UTF_8));
        }
        assertThat(decoded.toString()).isEqualTo(subject);
        assertThat(encoded).isASCII();
    }
}
