package org.opackiosk.app.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.fx.FontCheck;
import org.opackiosk.app.testing.Fx;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.app.testing.MailKeyboard;
import org.opackiosk.app.testing.PatronLogin;
import org.opackiosk.app.testing.SceneQueries;
import org.opackiosk.app.testing.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The rules of ui.md that hold on every screen: big touch targets, big text, nothing cut off, at most
 * one main action, no scroll area inside another, Japanese fonts — on the attract and search screens
 * and on every step of the patron's screens (login, notices, My page, hold, cart, password, e-mail).
 */
@ExtendWith(ApplicationExtension.class)
class FrameUiTest {

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) {
        kiosk = new KioskFixture();
        kiosk.show(stage);
    }

    @Test
    void everyButtonIsAtLeast90pxHighAndNoTextIsSmallerThan24pxOrCutOff(FxRobot robot) {
        kiosk.serverOffline(); // the longest status texts and the connection badge
        for (boolean large : new boolean[] {false, true}) {
            robot.clickOn(large ? "#textSize-large" : "#textSize-normal");
            for (String language : new String[] {"#language-ja", "#language-en"}) {
                robot.clickOn(language);
                checkEveryOrientation("attract " + language + (large ? " large" : ""));
                kiosk.serverOnline();
                robot.clickOn("#searchButton");
                checkEveryOrientation("search " + language + (large ? " large" : ""));
                kiosk.advance(Duration.ofSeconds(60));
                checkEveryOrientation("countdown " + language + (large ? " large" : ""));
                robot.clickOn("#continueButton");
                robot.clickOn("#homeButton");
                kiosk.serverOffline();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void headingsAreAtLeast36px(FxRobot robot) {
        robot.clickOn("#searchButton");
        assertThat(fontSize(robot, "#searchTitle")).isGreaterThanOrEqualTo(36);
        robot.clickOn("#homeButton");
        assertThat(fontSize(robot, "#attractLibraryName")).isGreaterThanOrEqualTo(36);
        assertThat(fontSize(robot, "#scanPrompt")).isGreaterThanOrEqualTo(36);
    }

    @Test
    void japaneseIsDrawnWithAJapaneseFont(FxRobot robot) {
        Optional<String> family = Fx.call(() -> new FontCheck().japaneseFamily());
        assumeTrue(family.isPresent(), "no Japanese font on this machine (install fonts-noto-cjk)");

        List<Labeled> labels = Fx.call(() -> SceneQueries.visibleLabeled(root()));

        assertThat(labels).isNotEmpty().allSatisfy(l -> assertThat(l.getFont().getFamily()).as(l.getText()).isEqualTo(family.get()));
    }

    @Test
    void theTopBarShowsTheConnectionInWordsOnlyWhenItIsNotNormal(FxRobot robot) {
        robot.clickOn("#searchButton");
        assertThat(robot.lookup("#connectionIndicator").query().isVisible()).isTrue();
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("接続を確認中");

        kiosk.serverOnline();
        assertThat(robot.lookup("#connectionIndicator").query().isVisible()).isFalse();

        kiosk.serverOffline();
        assertThat(robot.lookup("#connectionIndicator").query().isVisible()).isTrue();
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("オフライン");
        assertThat(robot.lookup("#connectionIndicator .icon-offline").query().isVisible()).isTrue();
    }

    // ---- the patron's screens (issue 4): every step, in ja/en, normal/large, landscape/portrait

    @Test
    void theLoginStepsTheWaitAndTheNoticesKeepTheRules(FxRobot robot) {
        kiosk.serverOnline();
        robot.clickOn("#typeCardButton");
        checkEveryVariant(robot, "login-card");
        PatronLogin.typeCard(robot, "01000005");
        robot.clickOn("#cardNextButton");
        PatronLogin.typePassword(robot, "tana");
        checkEveryVariant(robot, "login-password");
        robot.clickOn("#loginButton");
        for (int i = 0; i < 4; i++) {
            PatronLogin.typePassword(robot, "x");
            robot.clickOn("#loginButton");
        }
        assertThat(robot.lookup("#loginWait").queryAs(Label.class).isVisible()).as("five failures: the card waits").isTrue();
        checkEveryVariant(robot, "login-wait");
        kiosk.advance(Duration.ofSeconds(30));
        PatronLogin.typePassword(robot, "tanaka55");
        robot.clickOn("#loginButton");
        assertThat(robot.lookup("#noticesContinueButton").tryQuery()).isPresent();
        checkEveryVariant(robot, "notices");
        assertThat(problems).isEmpty();
    }

    @Test
    void myPagesTabsAndEveryConfirmationKeepTheRules(FxRobot robot) {
        logIn(robot);
        checkEveryVariant(robot, "mypage-loans");
        robot.clickOn("#renew-c1");
        checkEveryVariant(robot, "renew-confirm");
        robot.clickOn("#keepButton");
        robot.clickOn("#tab-holds");
        checkEveryVariant(robot, "mypage-holds");
        robot.clickOn("#cancel-h1");
        checkEveryVariant(robot, "cancel-confirm");
        robot.clickOn("#keepButton");
        robot.clickOn("#change-h1");
        checkEveryVariant(robot, "hold-change");
        robot.clickOn("#closeChangeButton");
        robot.clickOn("#tab-cancelled");
        checkEveryVariant(robot, "mypage-cancelled");
        assertThat(problems).isEmpty();
    }

    @Test
    void theHoldAndTheCartKeepTheRules(FxRobot robot) {
        logIn(robot);
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r7", "走れメロス"));
        checkEveryVariant(robot, "hold-choose");
        robot.clickOn("#placeHoldButton");
        checkEveryVariant(robot, "hold-placed");
        Fx.run(() -> kiosk.ui.holdStarter().startHold("r3", "吾輩は猫である")); // already on hold
        checkEveryVariant(robot, "hold-refused-already");
        Fx.run(() -> {
            kiosk.ui.cartAdder().addToCart("v2", "三国志 第2巻");
            kiosk.ui.cartAdder().addToCart("v1", "三国志 第1巻");
            kiosk.ui.cartAdder().addToCart("r8", "山月記");
            kiosk.ui.openCart();
        });
        checkEveryVariant(robot, "cart");
        robot.clickOn("#cartSeriesButton");
        checkEveryVariant(robot, "cart-series");
        robot.clickOn("#cartPlaceButton");
        checkEveryVariant(robot, "cart-done");
        assertThat(problems).isEmpty();
    }

    @Test
    void thePasswordChangeAndTheEMailScreensKeepTheRules(FxRobot robot) {
        logIn(robot);
        robot.clickOn("#changePasswordButton");
        checkEveryVariant(robot, "password-change-current");
        keyboard(robot, "taro1234");
        robot.clickOn("#passwordNext");
        keyboard(robot, "aaaa");
        checkEveryVariant(robot, "password-change-new");
        clearKeyboard(robot, 4);
        keyboard(robot, "hikari77");
        robot.clickOn("#passwordNext");
        checkEveryVariant(robot, "password-change-repeat");
        keyboard(robot, "hikari77");
        robot.clickOn("#passwordNext");
        checkEveryVariant(robot, "password-change-done");
        robot.clickOn("#passwordDoneButton");

        robot.clickOn("#emailButton");
        checkEveryVariant(robot, "email-list");
        robot.clickOn("#emailEdit-primary");
        MailKeyboard.typeMisspeltGmailAddress(robot);
        checkEveryVariant(robot, "email-edit");
        robot.clickOn("#emailSuggestion");
        robot.clickOn("#emailSave");
        checkEveryVariant(robot, "email-done");
        robot.clickOn("#emailDoneBack");
        robot.clickOn("#emailDelete-primary"); // the contact of a waiting hold: refused
        checkEveryVariant(robot, "email-delete-refused");
        assertThat(problems).isEmpty();
    }

    @Test
    void theFirstPasswordRegistrationKeepsTheRules(FxRobot robot) {
        kiosk.serverOnline();
        robot.clickOn("#registerPasswordButton");
        checkEveryVariant(robot, "password-register-card");
        pad(robot, "01000010");
        checkEveryVariant(robot, "password-register-birth");
        pad(robot, "19880707");
        checkEveryVariant(robot, "password-register-phone");
        pad(robot, "08000000110");
        keyboard(robot, "0707"); // the birthday: refused as the patron types
        checkEveryVariant(robot, "password-register-new");
        clearKeyboard(robot, 4);
        keyboard(robot, "midori10");
        robot.clickOn("#passwordNext");
        keyboard(robot, "midori10");
        robot.clickOn("#passwordNext");
        checkEveryVariant(robot, "password-register-done");
        assertThat(problems).isEmpty();
    }

    /**
     * The checks below at the screen shown now, in both languages and both text sizes; back to 日本語,
     * normal text. In normal text the screen is also drawn to {@code target/screenshots/SCREEN-ja|en-*.png}
     * (docs/screenshots/ has them): every patron screen in both languages, from one walk.
     */
    private void checkEveryVariant(FxRobot robot, String screen) {
        for (boolean large : new boolean[] {false, true}) {
            robot.clickOn(large ? "#textSize-large" : "#textSize-normal");
            for (String language : new String[] {"#language-ja", "#language-en"}) {
                robot.clickOn(language);
                if (!large) {
                    Screenshots.capture(kiosk.stage(), screen + "-" + language.substring("#language-".length()));
                }
                checkEveryOrientation(screen + " " + language + (large ? " large" : ""));
            }
        }
        robot.clickOn("#textSize-normal");
        robot.clickOn("#language-ja");
    }

    private void logIn(FxRobot robot) {
        kiosk.serverOnline();
        PatronLogin.logIn(robot, "01000001", "taro1234");
        assertThat(robot.lookup("#myPageTitle").tryQuery()).isPresent();
    }

    private static void keyboard(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn(Character.isDigit(c) ? "#pw-layout-digits" : "#pw-layout-abc");
            robot.clickOn("#pw-key-" + c);
        }
    }

    private static void clearKeyboard(FxRobot robot, int count) {
        for (int i = 0; i < count; i++) {
            robot.clickOn("#pw-backspace");
        }
    }

    private static void pad(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pwpad-" + c);
        }
        robot.clickOn("#passwordNext");
    }

    // ---- the rules

    /** Every problem found, so that one run names them all; each test asserts it is empty at its end. */
    private final List<String> problems = new ArrayList<>();

    private void checkEveryOrientation(String where) {
        for (Screenshots.Size size : new Screenshots.Size[] {Screenshots.LANDSCAPE, Screenshots.PORTRAIT}) {
            Screenshots.resize(kiosk.stage(), size);
            String at = where + " " + size.name() + ": ";
            problems.addAll(Fx.call(() -> problemsOf(root(), size)).stream().map(p -> at + p).toList());
        }
        Screenshots.resize(kiosk.stage(), Screenshots.LANDSCAPE);
    }

    private static List<String> problemsOf(Parent root, Screenshots.Size size) {
        List<String> found = new ArrayList<>();
        List<Button> buttons = SceneQueries.visibleButtons(root);
        if (buttons.isEmpty()) {
            found.add("no buttons");
        }
        for (Button b : buttons) {
            if (b.getHeight() < 90) {
                found.add("button '" + b.getText() + "' is " + b.getHeight() + " px high");
            }
        }
        for (Labeled l : SceneQueries.visibleLabeled(root)) {
            if (l.getFont().getSize() < 24) {
                found.add("'" + l.getText() + "' is " + l.getFont().getSize() + " px");
            }
            if (!SceneQueries.drawnText(l).equals(l.getText())) {
                found.add("'" + l.getText() + "' is drawn as '" + SceneQueries.drawnText(l) + "'");
            }
            // Outside a scroll area, anything past the window's edge is cut off; inside one (they scroll
            // only up and down), anything past its left or right edge.
            Bounds b = l.localToScene(l.getBoundsInLocal());
            Optional<ScrollPane> scroll = scrollingAncestor(l);
            if (scroll.isEmpty()) {
                if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > size.width() + 1 || b.getMaxY() > size.height() + 1) {
                    found.add("'" + l.getText() + "' sticks out of the window: " + b);
                }
            } else {
                Bounds area = scroll.get().localToScene(scroll.get().getBoundsInLocal());
                if (b.getMinX() < area.getMinX() - 1 || b.getMaxX() > area.getMaxX() + 1) {
                    found.add("'" + l.getText() + "' sticks out of its scroll area sideways: " + b);
                }
            }
        }
        List<Node> mainActions = SceneQueries.visibleNodes(root).stream()
                .filter(n -> n.getStyleClass().contains("main-action")).toList();
        if (mainActions.size() > 1) {
            found.add(mainActions.size() + " main actions: "
                    + mainActions.stream().map(n -> n instanceof Labeled l ? l.getText() : n.getId()).toList());
        }
        for (Node n : SceneQueries.visibleNodes(root)) {
            if (n instanceof ScrollPane s && scrollingAncestor(s).isPresent()) {
                found.add("a scroll area " + s.getStyleClass() + " inside another");
            }
        }
        return found;
    }

    private static Optional<ScrollPane> scrollingAncestor(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private Parent root() {
        return kiosk.stage().getScene().getRoot();
    }

    private static double fontSize(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getFont().getSize());
    }
}
