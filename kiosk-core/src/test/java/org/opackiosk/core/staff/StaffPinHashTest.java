package org.opackiosk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class StaffPinHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aHashVerifiesItsPinAndNoOther() {
        String hash = StaffPinHash.hash("482915".toCharArray(), random);

        assertThat(hash).matches("pbkdf2-sha256\\$310000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(StaffPinHash.verify("482915".toCharArray(), hash)).isTrue();
        assertThat(StaffPinHash.verify("482916".toCharArray(), hash)).isFalse();
        assertThat(StaffPinHash.isWellFormed(hash)).isTrue();
    }

    @Test
    void theSamePinHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(StaffPinHash.hash("482915".toCharArray(), random)).isNotEqualTo(StaffPinHash.hash("482915".toCharArray(), random));
    }

    @Test
    void tooFewIterationsOrABrokenHashAreNotAccepted() {
        String good = StaffPinHash.hash("482915".toCharArray(), random);
        String weak = good.replace("$310000$", "$1000$");

        assertThat(StaffPinHash.isWellFormed(weak)).isFalse();
        assertThat(StaffPinHash.verify("482915".toCharArray(), weak)).isFalse();
        assertThat(StaffPinHash.isWellFormed("482915")).isFalse();
        assertThat(StaffPinHash.isWellFormed(good.substring(0, good.length() - 1))).isFalse();
        assertThat(StaffPinHash.isWellFormed(good.replace("pbkdf2-sha256", "pbkdf2-sha1"))).isFalse();
    }

    @Test
    void weakPinsAreNamed() {
        assertThat(StaffPinHash.weakness("123".toCharArray())).contains("a staff PIN has 4 to 12 digits");
        assertThat(StaffPinHash.weakness("12a45".toCharArray())).hasValueSatisfying(w -> assertThat(w).contains("digits only"));
        assertThat(StaffPinHash.weakness("0000".toCharArray())).isPresent();
        assertThat(StaffPinHash.weakness("1234".toCharArray())).isPresent();
        assertThat(StaffPinHash.weakness("890123".toCharArray())).isPresent();
        assertThat(StaffPinHash.weakness("4321".toCharArray())).isPresent();
        assertThat(StaffPinHash.weakness("482915".toCharArray())).isEmpty();
    }
}
