package org.opackiosk.demo.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashVerifiesItsPasswordOnly() {
        // given
        String hash = Passwords.hash("taro1234");

        // when / then
        assertThat(Passwords.verify("taro1234", hash)).isTrue();
        assertThat(Passwords.verify("taro1235", hash)).isFalse();
        assertThat(Passwords.verify("", hash)).isFalse();
    }

    @Test
    void theHashIsSaltedSlowPbkdf2AndHoldsNoPassword() {
        // when
        String first = Passwords.hash("taro1234");
        String second = Passwords.hash("taro1234");

        // then
        assertThat(first).isNotEqualTo(second).doesNotContain("taro1234");
        String[] parts = first.split("\\$");
        assertThat(parts[0]).isEqualTo("pbkdf2_sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(120_000);
    }

    @Test
    void malformedOrMissingHashesNeverVerify() {
        // when / then
        assertThat(Passwords.verify("x", null)).isFalse();
        assertThat(Passwords.verify("x", "plain")).isFalse();
        assertThat(Passwords.verify("x", "pbkdf2_sha256$abc$$")).isFalse();
        assertThat(Passwords.verify(null, Passwords.hash("x"))).isFalse();
    }
}
