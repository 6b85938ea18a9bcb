package org.opackiosk.app.search;

import java.util.Locale;
import java.util.Map;

import org.opackiosk.app.fx.Icons.Glyph;

/**
 * What kind of material a record is, as the patron sees it: a glyph and a word, never a colour
 * alone. Derived from the server's item type code.
 */
public enum MaterialType {
    BOOK("material.book", Glyph.BOOK),
    MAGAZINE("material.magazine", Glyph.MAGAZINE),
    CD("material.cd", Glyph.CD),
    DVD("material.dvd", Glyph.DVD),
    KAMISHIBAI("material.kamishibai", Glyph.KAMISHIBAI),
    OTHER("material.other", Glyph.DOCUMENT);

    // Koha's default item types and the codes Japanese libraries commonly give their own.
    private static final Map<String, MaterialType> BY_ITEM_TYPE = Map.ofEntries(
            Map.entry("BK", BOOK), Map.entry("BOOK", BOOK), Map.entry("LP", BOOK), Map.entry("CHILD", BOOK),
            Map.entry("MG", MAGAZINE), Map.entry("MAG", MAGAZINE), Map.entry("MAGAZINE", MAGAZINE),
            Map.entry("SER", MAGAZINE), Map.entry("CR", MAGAZINE), Map.entry("SERIAL", MAGAZINE),
            Map.entry("CD", CD), Map.entry("MU", CD), Map.entry("MUSIC", CD), Map.entry("CF", CD),
            Map.entry("DVD", DVD), Map.entry("VM", DVD), Map.entry("VIDEO", DVD), Map.entry("BD", DVD),
            Map.entry("KAMI", KAMISHIBAI), Map.entry("KAMISHIBAI", KAMISHIBAI), Map.entry("KS", KAMISHIBAI));

    private final String messageKey;
    private final Glyph glyph;

    MaterialType(String messageKey, Glyph glyph) {
        this.messageKey = messageKey;
        this.glyph = glyph;
    }

    /** The type for a server's item type code; {@link #OTHER} for codes the kiosk does not know. */
    public static MaterialType ofItemType(String itemTypeId) {
        if (itemTypeId == null) {
            return OTHER;
        }
        return BY_ITEM_TYPE.getOrDefault(itemTypeId.strip().toUpperCase(Locale.ROOT), OTHER);
    }

    public String messageKey() {
        return messageKey;
    }

    public Glyph glyph() {
        return glyph;
    }
}
