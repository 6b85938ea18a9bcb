package org.opackiosk.app.mypage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.fx.Icons.Glyph;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.mypage.MyPageViewModel.Confirmation;
import org.opackiosk.app.mypage.MyPageViewModel.Tab;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RefusalMessages;
import org.opackiosk.core.holds.CancelledHold;
import org.opackiosk.core.holds.ContactMethod;
import org.opackiosk.core.holds.Hold;
import org.opackiosk.core.loans.Loan;

/**
 * My page: three tabs (loans, holds, cancelled holds), one list each in one scroll area, and a
 * confirmation step that replaces the list while a renewal, cancellation or change waits for the patron.
 */
public final class MyPageScreen {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final MyPageViewModel vm;
    private final Localization l10n;
    private final BorderPane root = new BorderPane();
    private final VBox list = new VBox();
    private final StackPane confirmArea = new StackPane();

    public MyPageScreen(MyPageViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "mypage");
        root.setTop(header());

        list.getStyleClass().add("patron-list");
        list.setId("myPageList");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("record-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        confirmArea.getStyleClass().add("confirm-area");
        confirmArea.setId("confirmArea");
        var confirming = vm.confirmationProperty().isNotNull();
        Controls.showWhen(scroll, confirming.not());
        Controls.showWhen(confirmArea, confirming);
        root.setCenter(new StackPane(scroll, confirmArea));

        ListChangeListener<Object> relist = c -> rebuild();
        vm.loans().addListener(relist);
        vm.holds().addListener(relist);
        vm.cancelledHolds().addListener(relist);
        vm.queuedRequests().addListener(relist);
        vm.tabProperty().addListener((obs, old, now) -> rebuild());
        l10n.localeProperty().addListener((obs, old, now) -> {
            rebuild();
            showConfirmation(vm.confirmationProperty().get());
        });
        vm.confirmationProperty().addListener((obs, old, now) -> showConfirmation(now));
        rebuild();
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label title = Controls.label(l10n.text("mypage.title"), "heading");
        title.setId("myPageTitle");
        Label name = Controls.label(l10n.format("mypage.patron", vm.patronNameProperty()), "patron-hint");
        name.setId("myPageName");
        Button password = Controls.button(l10n.text("mypage.changePassword"), null);
        password.setId("changePasswordButton");
        password.setOnAction(e -> vm.changePassword());
        Button mail = Controls.button(l10n.text("mypage.email"), null);
        mail.setId("emailButton");
        mail.setOnAction(e -> vm.emailAddresses());
        Button cart = Controls.button(l10n.format("mypage.cart", vm.cartSizeProperty()), null);
        cart.setId("cartButton");
        cart.setOnAction(e -> vm.openCart());
        Controls.showWhen(cart, vm.cartSizeProperty().greaterThan(0));
        HBox titleRow = new HBox(title, name, Controls.hgrow(), cart, mail, password);
        titleRow.getStyleClass().add("entry-row");
        titleRow.setAlignment(Pos.BASELINE_LEFT);

        HBox tabs = new HBox();
        tabs.getStyleClass().add("segmented");
        for (Tab t : Tab.values()) {
            String key = "mypage.tab." + t.name().toLowerCase(Locale.ROOT);
            var size = switch (t) {
                case LOANS -> Bindings.size(vm.loans());
                case HOLDS -> Bindings.size(vm.holds());
                case CANCELLED -> Bindings.size(vm.cancelledHolds());
            };
            Button b = Controls.button(l10n.format(key, size), null, "segment", "tab");
            b.setId("tab-" + t.name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> vm.showTab(t));
            vm.tabProperty().addListener((obs, old, now) -> b.pseudoClassStateChanged(CURRENT, now == t));
            b.pseudoClassStateChanged(CURRENT, vm.tabProperty().get() == t);
            tabs.getChildren().add(b);
        }
        tabs.getChildren().get(0).getStyleClass().add("segment-first");
        tabs.getChildren().get(tabs.getChildren().size() - 1).getStyleClass().add("segment-last");

        Label message = Controls.label(vm.messageProperty(), "patron-message");
        message.setId("myPageMessage");
        Controls.showWhen(message, vm.messageProperty().isNotEmpty());
        Label loading = Controls.label(l10n.text("mypage.loading"), "patron-hint");
        Controls.showWhen(loading, vm.loadingProperty());
        // A confirmation replaces the list: its tabs go too, which leaves a change of pickup and contact room in large text.
        Controls.showWhen(tabs, vm.confirmationProperty().isNull());
        VBox header = new VBox(titleRow, tabs, message, loading);
        header.getStyleClass().add("patron-header");
        return header;
    }

    private void rebuild() {
        list.getChildren().clear();
        switch (vm.tabProperty().get()) {
            case LOANS -> {
                vm.loans().forEach(l -> list.getChildren().add(loanRow(l)));
                empty("mypage.loans.none", vm.loans().isEmpty());
            }
            case HOLDS -> {
                queuedSection();
                vm.holds().forEach(h -> list.getChildren().add(holdRow(h)));
                empty("mypage.holds.none", vm.holds().isEmpty());
            }
            case CANCELLED -> {
                vm.cancelledHolds().forEach(c -> list.getChildren().add(cancelledRow(c)));
                empty("mypage.cancelled.none", vm.cancelledHolds().isEmpty());
            }
        }
    }

    // Requests this kiosk took for the patron (offline holds, changes not answered at once) and their outcome.
    private void queuedSection() {
        if (vm.queuedRequests().isEmpty()) {
            return;
        }
        Label heading = Controls.text(l10n.get("queued.title"), "queued-title");
        heading.setId("queuedTitle");
        list.getChildren().add(heading);
        vm.queuedRequests().forEach(q -> {
            List<String> lines = vm.queuedText(q);
            VBox text = new VBox(Controls.text(lines.get(0), "record-title"), Controls.text(lines.get(1), "record-meta"),
                    Controls.text(lines.get(2), "record-meta", "queued-status"));
            text.getStyleClass().add("record-text");
            Node row = row(text);
            row.setId("queued-" + q.entry().sequence());
            list.getChildren().add(row);
        });
    }

    private void empty(String key, boolean isEmpty) {
        if (isEmpty && !vm.loadingProperty().get()) {
            list.getChildren().add(Controls.text(l10n.get(key), "patron-hint"));
        }
    }

    private Node loanRow(Loan loan) {
        VBox text = new VBox(Controls.text(loan.title(), "record-title"),
                Controls.text(l10n.get("mypage.loan.due", vm.date(loan.dueDate())), "record-meta"));
        text.getStyleClass().add("record-text");
        FlowPane marks = new FlowPane();
        marks.getStyleClass().add("marks");
        if (loan.overdue()) {
            marks.getChildren().add(Controls.text(l10n.get("mypage.loan.overdue"), "mark", "mark-warning"));
        }
        if (loan.someoneWaiting()) {
            marks.getChildren().add(Controls.text(l10n.get("mypage.loan.waiting"), "mark"));
        }
        if (!marks.getChildren().isEmpty()) {
            text.getChildren().add(marks);
        }
        Node action;
        if (vm.changeWaiting(loan.checkoutId())) {
            text.getChildren().add(Controls.text(l10n.get("queued.changeWaiting"), "record-meta"));
            action = null;
        } else if (loan.renewal() instanceof Loan.Renewal.NotAllowed no) {
            text.getChildren().add(Controls.text(RefusalMessages.text(no.reason(), l10n.locale()), "record-meta"));
            action = null;
        } else if (vm.renewOffered(loan)) {
            Button renew = Controls.button(l10n.text("mypage.renew"), null, "row-action");
            renew.setId("renew-" + loan.checkoutId());
            renew.setOnAction(e -> vm.askRenew(loan));
            action = renew;
        } else {
            action = null;
        }
        return row(text, action);
    }

    private Node holdRow(Hold hold) {
        VBox text = new VBox(Controls.text(hold.title(), "record-title"),
                Controls.text(vm.holdStatus(hold), "record-meta", "hold-status"),
                Controls.text(l10n.get("mypage.hold.pickup", vm.libraryName(hold.pickupLibraryId())), "record-meta"),
                Controls.text(l10n.get("mypage.hold.contact", contact(hold.contactMethod())), "record-meta"));
        text.getStyleClass().add("record-text");
        if (vm.changeWaiting(hold.holdId())) {
            text.getChildren().add(Controls.text(l10n.get("queued.changeWaiting"), "record-meta"));
            return row(text);
        }
        if (!vm.holdChangeOffered(hold)) {
            text.getChildren().add(Controls.text(l10n.get("mypage.hold.askCounter"), "record-meta"));
            return row(text);
        }
        Button change = Controls.button(l10n.text("mypage.hold.change"), null, "row-action");
        change.setId("change-" + hold.holdId());
        change.setOnAction(e -> vm.askChange(hold));
        Button cancel = Controls.button(l10n.text("mypage.hold.cancel"), null, "row-action");
        cancel.setId("cancel-" + hold.holdId());
        cancel.setOnAction(e -> vm.askCancel(hold));
        return row(text, change, cancel);
    }

    private String contact(ContactMethod method) {
        return l10n.get("contact." + method.name().toLowerCase(Locale.ROOT));
    }

    private Node cancelledRow(CancelledHold c) {
        VBox text = new VBox(Controls.text(c.title(), "record-title"),
                Controls.text(l10n.get("mypage.cancelled.on", vm.date(c.cancelledOn()),
                        l10n.get("mypage.cancelled.reason." + c.reason().name().toLowerCase(Locale.ROOT))), "record-meta"));
        text.getStyleClass().add("record-text");
        if (!vm.canDismissCancelled()) {
            return row(text);
        }
        Button seen = Controls.button(l10n.text("mypage.cancelled.seen"), Glyph.CHECK, "row-action");
        seen.setId("seen-" + c.holdId());
        seen.setOnAction(e -> vm.dismissCancelled(c));
        return row(text, seen);
    }

    private Node row(VBox text, Node... actions) {
        HBox row = new HBox(text);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        for (Node a : actions) {
            if (a != null) {
                row.getChildren().add(a);
            }
        }
        row.getStyleClass().addAll("record-row", "patron-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    // ---- confirmation step

    private void showConfirmation(Confirmation c) {
        confirmArea.getChildren().clear();
        if (c == null) {
            return;
        }
        VBox panel = new VBox();
        panel.getStyleClass().add("confirm-panel");
        panel.setAlignment(Pos.CENTER);
        panel.setMaxWidth(1200);
        panel.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        switch (c) {
            case Confirmation.Renew r -> {
                Label q = Controls.text(l10n.get("mypage.renew.question", r.loan().title()), "confirm-question");
                Label due = Controls.text(r.newDueDate()
                        .map(d -> l10n.get("mypage.renew.newDue", vm.date(d)))
                        .orElse(l10n.get("mypage.renew.newDueUnknown")), "confirm-detail");
                due.setId("newDueDate");
                Button yes = Controls.button(l10n.text("mypage.renew.confirm"), Glyph.CHECK, "primary", "main-action");
                yes.setId("confirmRenewButton");
                yes.setDefaultButton(true);
                yes.setOnAction(e -> vm.confirmRenew());
                yes.disableProperty().bind(vm.busyProperty());
                Button no = Controls.button(l10n.text("mypage.renew.keep"), Glyph.BACK);
                no.setId("keepButton");
                no.setOnAction(e -> vm.dismissConfirmation());
                panel.getChildren().addAll(q, due, buttons(no, yes));
            }
            case Confirmation.Cancel k -> {
                Label q = Controls.text(l10n.get("mypage.cancel.question", k.hold().title()), "confirm-question");
                // The safe answer is the main, default button; 取消する is the smaller one beside it.
                Button keep = Controls.button(l10n.text("mypage.cancel.keep"), Glyph.BACK, "primary", "main-action");
                keep.setId("keepButton");
                keep.setDefaultButton(true);
                keep.setOnAction(e -> vm.dismissConfirmation());
                Button cancel = Controls.button(l10n.text("mypage.cancel.confirm"), null, "destructive");
                cancel.setId("confirmCancelButton");
                cancel.setOnAction(e -> vm.confirmCancel());
                cancel.disableProperty().bind(vm.busyProperty());
                panel.getChildren().addAll(q, buttons(cancel, keep));
            }
            case Confirmation.Change ch -> {
                Label q = Controls.text(l10n.get("mypage.change.title", ch.hold().title()), "confirm-question");
                panel.getChildren().add(q);
                panel.getChildren().add(Controls.text(l10n.get("mypage.change.pickup"), "confirm-detail"));
                FlowPane libraries = new FlowPane();
                libraries.getStyleClass().add("choice-row");
                libraries.setAlignment(Pos.CENTER);
                for (Library lib : vm.pickupLibraries()) {
                    Button b = Controls.choice(lib.name(), "pickup-" + lib.id(), lib.id().equals(ch.hold().pickupLibraryId()),
                            () -> vm.changePickup(lib.id()));
                    b.disableProperty().bind(vm.busyProperty());
                    libraries.getChildren().add(b);
                }
                panel.getChildren().add(libraries);
                if (!vm.contactChoices().isEmpty()) {
                    panel.getChildren().add(Controls.text(l10n.get("mypage.change.contact"), "confirm-detail"));
                    FlowPane contacts = new FlowPane();
                    contacts.getStyleClass().add("choice-row");
                    contacts.setAlignment(Pos.CENTER);
                    for (ContactMethod m : vm.contactChoices()) {
                        Button b = Controls.choice(contact(m), "contact-" + m.name().toLowerCase(Locale.ROOT),
                                m == ch.hold().contactMethod(), () -> vm.changeContact(m));
                        b.disableProperty().bind(vm.busyProperty());
                        contacts.getChildren().add(b);
                    }
                    panel.getChildren().add(contacts);
                }
                Button close = Controls.button(l10n.text("mypage.change.close"), Glyph.BACK, "primary", "main-action");
                close.setId("closeChangeButton");
                close.setOnAction(e -> vm.dismissConfirmation());
                panel.getChildren().add(buttons(close));
            }
        }
        confirmArea.getChildren().add(panel);
    }

    private static Node buttons(Node... buttons) {
        HBox row = new HBox(buttons);
        row.getStyleClass().add("entry-row");
        row.setAlignment(Pos.CENTER);
        return row;
    }
}
