package org.opackiosk.core.device;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The slips the kiosk prints. Japanese, with the English words under them where a visitor needs them. */
public final class Slips {

    private static final DateTimeFormatter DATE_JA = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Slips() {
    }

    /**
     * After a hold was placed: what, where to pick it up, the position in the queue. No card number or
     * name: the slip may be left at the kiosk.
     */
    public static Slip holdPlaced(String libraryName, String title, String pickupBranch, Optional<Integer> queuePosition,
                                  LocalDate placedOn, Locale language) {
        Objects.requireNonNull(title, "title");
        boolean en = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        Slip.Builder b = Slip.builder()
                .centered(libraryName)
                .heading(en ? "Hold placed" : "予約を受け付けました")
                .rule()
                .bold(title)
                .text((en ? "Pickup library: " : "受取館: ") + pickupBranch);
        queuePosition.ifPresent(p -> b.text(en ? "Your place in the queue: " + p : "予約順位: " + p + "番目"));
        return b.text((en ? "Placed on " : "予約日: ") + (en ? DATE_EN : DATE_JA).format(placedOn))
                .rule()
                .text(en ? "We will tell you when it is ready for pickup." : "ご用意ができましたらお知らせします。")
                .feed(2)
                .build();
    }

    /**
     * After a hold request was queued while the library's system was unreachable: what, where, when and
     * its number, and what happens next. No card number or name: the slip may be left at the kiosk.
     */
    public static Slip offlineHoldQueued(String libraryName, String title, String pickupBranch, String queuedAt,
                                         long number, Locale language) {
        Objects.requireNonNull(title, "title");
        boolean en = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        return Slip.builder()
                .centered(libraryName)
                .heading(en ? "Hold request received" : "予約の申し込みを受け付けました")
                .text(en ? "(not sent yet)" : "（まだ送られていません）")
                .rule()
                .bold(title)
                .text((en ? "Pickup library: " : "受取館: ") + pickupBranch)
                .text((en ? "Received: " : "受付日時: ") + queuedAt)
                .text((en ? "Number: " : "受付番号: ") + number)
                .rule()
                .text(en ? "It is sent when the library's system can be reached again;"
                        : "図書館のシステムにつながりしだい送られ、")
                .text(en ? "the library's rules are checked then." : "そのときに図書館の規則が確認されます。")
                .text(en ? "The result is shown at your next login here." : "結果は次回のログイン時にお知らせします。")
                .feed(2)
                .build();
    }

    /** One hold of several placed together (the hold cart): the title and the place in the queue where known. */
    public record PlacedHold(String title, Optional<Integer> queuePosition) {
        public PlacedHold {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(queuePosition, "queuePosition");
        }
    }

    /**
     * After several holds were placed at once (the hold cart): each title with its place in the queue, and the
     * one pickup library. No card number or name, as {@link #holdPlaced}.
     */
    public static Slip holdsPlaced(String libraryName, java.util.List<PlacedHold> holds, String pickupBranch, LocalDate placedOn,
                                   Locale language) {
        boolean en = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        Slip.Builder b = Slip.builder()
                .centered(libraryName)
                .heading(en ? "Holds placed" : "予約を受け付けました")
                .text((en ? "Pickup library: " : "受取館: ") + pickupBranch)
                .text((en ? "Placed on " : "予約日: ") + (en ? DATE_EN : DATE_JA).format(placedOn))
                .rule();
        for (PlacedHold h : holds) {
            b.bold(h.title());
            h.queuePosition().ifPresent(p -> b.text(en ? "  Place in the queue: " + p : "  予約順位: " + p + "番目"));
        }
        return b.rule()
                .text(en ? "We will tell you when each is ready for pickup." : "ご用意ができましたら、それぞれお知らせします。")
                .feed(2)
                .build();
    }

    /**
     * A call-number slip from a record page, to find the book on the shelf.
     *
     * @param recordUrl the record in the library's web OPAC, printed as a QR code when present
     */
    public static Slip callNumber(String title, String callNumber, String shelfLocation, String branch,
                                  Optional<String> recordUrl) {
        Slip.Builder b = Slip.builder()
                .centered(branch)
                .rule()
                .bold(title)
                .heading(callNumber)
                .text("配架場所 / Shelf: " + shelfLocation)
                .rule();
        recordUrl.ifPresent(b::qr);
        return b.feed(2).build();
    }

    /**
     * A test slip for the technician ({@code kioskctl printer test}): kanji, bold, a double-size heading,
     * a Codabar barcode and a QR code — everything the kiosk's slips use — and which printer it came from.
     * Nothing time-dependent, so the same printer gets the same bytes.
     */
    public static Slip printerTest(String printer, String version) {
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(version, "version");
        return Slip.builder()
                .centered("OPAC kiosk")
                .heading("印字テスト")
                .centered("Test print")
                .rule()
                .text("日本語: 予約・貸出延長・受取館・請求記号")
                .bold("太字 / Bold")
                .text("Printer: " + printer)
                .text("kioskctl " + version)
                .rule()
                .barcode(Slip.BarcodeType.CODABAR, "01000001")
                .qr("OPAC kiosk printer test")
                .feed(2)
                .build();
    }
}
