package org.opackiosk.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaterialTypeTest {

    @Test
    void kohaItemTypesMapToWhatThePatronSees() {
        assertThat(MaterialType.ofItemType("BK")).isEqualTo(MaterialType.BOOK);
        assertThat(MaterialType.ofItemType("mg")).isEqualTo(MaterialType.MAGAZINE);
        assertThat(MaterialType.ofItemType("CD")).isEqualTo(MaterialType.CD);
        assertThat(MaterialType.ofItemType("DVD")).isEqualTo(MaterialType.DVD);
        assertThat(MaterialType.ofItemType("KAMI")).isEqualTo(MaterialType.KAMISHIBAI);
    }

    @Test
    void unknownOrMissingItemTypesAreShownAsAnItem() {
        assertThat(MaterialType.ofItemType("ZZ")).isEqualTo(MaterialType.OTHER);
        assertThat(MaterialType.ofItemType("")).isEqualTo(MaterialType.OTHER);
        assertThat(MaterialType.ofItemType(null)).isEqualTo(MaterialType.OTHER);
    }
}
