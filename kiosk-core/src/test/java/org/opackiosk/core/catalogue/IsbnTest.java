package org.opackiosk.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsbnTest {

    @Test
    void bothFormsOfOneBookWithOrWithoutHyphens() {
        assertThat(Isbn.forms("4-10-101013-7")).containsExactly("4101010137", "9784101010137");
        assertThat(Isbn.forms("978-4-10-101013-7")).containsExactly("9784101010137", "4101010137");
        assertThat(Isbn.forms("９７８４１０１０１０１３７")).containsExactly("9784101010137", "4101010137");
    }

    @Test
    void anX10CheckDigitIsKept() {
        assertThat(Isbn.forms("0-8044-2957-x")).containsExactly("080442957X", "9780804429573");
    }

    @Test
    void notAnIsbn() {
        assertThat(Isbn.forms("こころ")).isEmpty();
        assertThat(Isbn.forms("12345")).isEmpty();
        assertThat(Isbn.forms(null)).isEmpty();
    }

    @Test
    void onlyBooklandBarcodesAreBooks() {
        assertThat(Isbn.isBookland("9784101010137")).isTrue();
        assertThat(Isbn.isBookland("1920193006007")).isFalse();
        assertThat(Isbn.isBookland("9784101010138")).isFalse();
    }
}
