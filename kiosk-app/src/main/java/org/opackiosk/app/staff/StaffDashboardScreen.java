package org.opackiosk.app.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opackiosk.app.fx.Controls;
import org.opackiosk.app.i18n.Localization;
import org.opackiosk.app.staff.StaffDashboardViewModel.DiscardReason;
import org.opackiosk.app.staff.StaffDashboardViewModel.LogFilter;
import org.opackiosk.app.staff.StaffDashboardViewModel.Notice;
import org.opackiosk.app.staff.StaffDashboardViewModel.QueueRow;
import org.opackiosk.app.staff.StaffDashboardViewModel.ScanReading;
import org.opackiosk.app.staff.StaffDashboardViewModel.Section;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SyncProgress;
import org.opackiosk.core.circulation.Library;
import org.opackiosk.core.circulation.RefusalMessages;
import org.opackiosk.core.config.UiSettings.TextSize;
import org.opackiosk.core.device.LightState;
import org.opackiosk.core.staff.ServerStatus;
import org.opackiosk.core.staff.StaffAuditEntry;
import org.opackiosk.core.staff.SystemActions;

/**
 * The staff dashboard: a header (who, leave), one large touch tab per section (they wrap in portrait), what the last
 * action did, and the chosen section below, rebuilt whenever its state or the language changes. Destructive actions
 * (discard, restart, reboot, shut down) are never the main button and are confirmed on a second step.
 */
public final class StaffDashboardScreen {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StaffDashboardViewModel vm;
    private final Localization l10n;
    private final BorderPane root = new BorderPane();
    private final VBox content = new VBox();

    public StaffDashboardScreen(StaffDashboardViewModel vm, Localization l10n) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.l10n = Objects.requireNonNull(l10n, "l10n");
        root.getStyleClass().addAll("patron-screen", "staff");
        root.setId("staffDashboard");
        root.setTop(header());
        content.getStyleClass().add("staff-content");
        content.setId("staffContent");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("record-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setCenter(scroll);

        Observable[] watched = {vm.sectionProperty(), l10n.localeProperty(), vm.serverStatusProperty(),
                vm.checkingServerProperty(), vm.indexStatsProperty(), vm.lastRebuildProperty(), vm.syncProgressProperty(),
                vm.syncRunningProperty(), vm.queue(), vm.discardingProperty(), vm.lastScanProperty(),
                vm.scannerStatusProperty(), vm.printerStatusProperty(), vm.lightTestProperty(), vm.cameraWaitingProperty(),
                vm.cameraResultProperty(), vm.hostProperty(), vm.nowProperty(), vm.libraries(), vm.branchProperty(),
                vm.defaultPickupProperty(), vm.defaultLanguageProperty(), vm.defaultTextSizeProperty(),
                vm.confirmingSystemProperty(), vm.logFilterProperty(), vm.logLines(), vm.history()};
        for (Observable o : watched) {
            // a change listener on values: an invalidation listener would miss changes of a value nobody read since
            if (o instanceof javafx.beans.value.ObservableValue<?> v) {
                v.addListener((obs, before, after) -> rebuild());
            } else {
                o.addListener(x -> rebuild());
            }
        }
        rebuild();
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label title = Controls.label(l10n.text("staff.title"), "heading");
        title.setId("staffTitle");
        // a masked staff card as it is; how staff got in without a card in the staff's language
        Label who = Controls.label(Bindings.createStringBinding(() -> l10n.get("staff.who", switch (vm.staffProperty().get()) {
            case "key switch" -> l10n.get("staff.by.keySwitch");
            case "library name" -> l10n.get("staff.by.namePress");
            default -> vm.staffProperty().get();
        }), vm.staffProperty(), l10n.localeProperty()), "patron-hint");
        who.setId("staffWho");
        Button leave = Controls.button(l10n.text("staff.leave"), null, "primary", "main-action");
        leave.setId("staffLeave");
        leave.setOnAction(e -> vm.leave());
        HBox titleRow = new HBox(title, who, Controls.hgrow(), leave);
        titleRow.getStyleClass().add("entry-row");
        titleRow.setAlignment(Pos.CENTER_LEFT);

        FlowPane tabs = new FlowPane();
        tabs.getStyleClass().add("staff-tabs");
        for (Section s : Section.values()) {
            Button b = Controls.button(l10n.text("staff.section." + s.name().toLowerCase(Locale.ROOT)), null, "staff-tab");
            b.setId("staff-tab-" + s.name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> vm.show(s));
            vm.sectionProperty().addListener((obs, old, now) -> b.pseudoClassStateChanged(CURRENT, now == s));
            b.pseudoClassStateChanged(CURRENT, vm.sectionProperty().get() == s);
            tabs.getChildren().add(b);
        }

        Label notice = new Label();
        notice.getStyleClass().add("patron-message");
        notice.setWrapText(true);
        notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notice.setId("staffNotice");
        notice.textProperty().bind(Bindings.createStringBinding(() -> say(vm.noticeProperty().get()),
                vm.noticeProperty(), l10n.localeProperty()));
        Controls.showWhen(notice, vm.noticeProperty().isNotNull());
        VBox header = new VBox(titleRow, tabs, notice);
        header.getStyleClass().add("patron-header");
        return header;
    }

    private String say(Notice n) {
        return n == null ? "" : l10n.get(n.key(), n.args().toArray());
    }

    private void rebuild() {
        content.getChildren().clear();
        switch (vm.sectionProperty().get()) {
            case SERVER -> server();
            case CATALOGUE -> catalogue();
            case QUEUE -> queue();
            case DEVICES -> devices();
            case KIOSK -> kiosk();
            case SETTINGS -> settings();
            case LOG -> log();
            case HISTORY -> history();
        }
    }

    // ---- sections

    private void server() {
        ServerStatus s = vm.serverStatusProperty().get();
        GridPane facts = facts();
        if (s == null) {
            fact(facts, "staff.server.status", l10n.get("staff.server.checking"));
        } else {
            fact(facts, "staff.server.address", s.address().toString());
            fact(facts, "staff.server.reachable", yesNo(Optional.of(s.reachable())));
            fact(facts, "staff.server.roundTrip", s.roundTrip().map(d -> l10n.get("staff.ms", d.toMillis())).orElse("—"));
            fact(facts, "staff.server.pin", yesNo(s.pinValid()));
            fact(facts, "staff.server.certificate", days(s.certificateDays()));
            fact(facts, "staff.server.token", yesNo(s.tokenValid()));
            fact(facts, "staff.server.lastError", s.problem().map(p -> l10n.get("staff.server.problem."
                    + p.kind().name().toLowerCase(Locale.ROOT), p.detail())).orElse(l10n.get("staff.server.noError")));
            fact(facts, "staff.server.lastRequest", vm.lastRequestFailureProperty().get()
                    .map(f -> l10n.get(f.ambiguous() ? "staff.server.lastRequest.ambiguous" : "staff.server.lastRequest.unreachable",
                            at(f.at()), f.call() + ": " + f.detail()))
                    .orElse(l10n.get("staff.server.noError")));
        }
        Button check = action("staff.server.check", "staffCheckServer", vm::checkServer);
        check.disableProperty().bind(vm.checkingServerProperty());
        add(facts, row(check));
    }

    private void catalogue() {
        if (!vm.hasCatalogue()) {
            add(text(l10n.get("staff.catalogue.none")));
            return;
        }
        IndexStats stats = vm.indexStatsProperty().get();
        SyncProgress p = vm.syncProgressProperty().get();
        GridPane facts = facts();
        fact(facts, "staff.catalogue.records", stats == null ? "…" : l10n.get("staff.count", stats.records()));
        fact(facts, "staff.catalogue.lastFull", when(vm.lastRebuildProperty().get()));
        fact(facts, "staff.catalogue.lastIncremental", stats == null ? "…" : when(stats.lastIncremental()));
        fact(facts, "staff.catalogue.state", l10n.get("staff.sync." + p.state().name().toLowerCase(Locale.ROOT)));
        p.lastProblem().ifPresent(problem -> fact(facts, "staff.catalogue.problem", problem));
        add(facts);
        if (p.state() != SyncProgress.State.IDLE || vm.syncRunningProperty().get()) {
            ProgressBar bar = new ProgressBar(p.percent() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.percent() / 100.0);
            bar.setId("staffSyncProgress");
            bar.getStyleClass().add("loading-progress");
            bar.setMaxWidth(Double.MAX_VALUE);
            Label count = text(p.expected() > 0 ? l10n.get("staff.sync.progress", p.written(), p.expected(), p.percent())
                    : l10n.get("staff.sync.written", p.written()));
            add(bar, count);
        }
        Button sync = action("staff.catalogue.syncNow", "staffSyncNow", vm::syncNow);
        sync.getStyleClass().add("primary");
        Button rebuild = action("staff.catalogue.rebuild", "staffRebuild", vm::rebuild);
        sync.disableProperty().bind(vm.syncRunningProperty());
        rebuild.disableProperty().bind(vm.syncRunningProperty());
        add(row(sync, rebuild), text(l10n.get("staff.catalogue.rebuildHint")));
    }

    private void queue() {
        QueueRow asking = vm.discardingProperty().get();
        if (asking != null) {
            add(text(l10n.get("staff.queue.discardWhy", kind(asking), asking.sequence())));
            // which book: staff decide on the item, not on a sequence number
            Label item = text(item(asking));
            item.setId("staffDiscardItem");
            add(item);
            FlowPane reasons = new FlowPane();
            reasons.getStyleClass().add("staff-actions");
            for (DiscardReason r : DiscardReason.values()) {
                Button b = action("staff.queue.reason." + r.name().toLowerCase(Locale.ROOT),
                        "staffDiscard-" + r.name().toLowerCase(Locale.ROOT), () -> vm.discard(r));
                reasons.getChildren().add(b);
            }
            Button cancel = action("staff.cancel", "staffDiscardCancel", vm::cancelDiscard);
            cancel.getStyleClass().add("primary");
            reasons.getChildren().add(cancel);
            add(reasons);
            return;
        }
        vm.queueWarning().ifPresent(w -> {
            // what it means in the staff's language; the kiosk's own words (the file moved aside) for the technician
            Label warning = text(l10n.get("staff.queue.warning"));
            warning.getStyleClass().setAll("label", "patron-message");
            warning.setId("staffQueueWarning");
            Label technical = text(l10n.get("staff.queue.note", w));
            technical.getStyleClass().add("staff-technical");
            technical.setId("staffQueueWarningDetail");
            add(warning, technical);
        });
        if (vm.queue().isEmpty()) {
            add(text(l10n.get("staff.queue.empty")));
        }
        for (QueueRow r : vm.queue()) {
            VBox row = new VBox();
            row.getStyleClass().add("staff-row");
            row.setId("staffQueue-" + r.sequence());
            Label what = Controls.label(Bindings.createStringBinding(() -> l10n.get("staff.queue.what", r.sequence(), kind(r),
                    l10n.get("staff.queue.state." + r.state().name().toLowerCase(Locale.ROOT)))), "staff-row-title");
            Label detail = text(l10n.get("staff.queue.when", at(r.createdAt()),
                    r.maskedCard().orElse(l10n.get("staff.queue.loggedIn"))));
            Label item = text(item(r));
            item.setId("staffQueueItem-" + r.sequence());
            row.getChildren().addAll(what, item, detail);
            // the server's reason in the sentence the patron would get, in the staff's language
            r.refusalKey().ifPresent(k -> row.getChildren().add(text(l10n.get("staff.queue.refusal",
                    RefusalMessages.text(k, l10n.locale())))));
            if (r.refusalKey().isEmpty() && r.state() == org.opackiosk.core.outbox.OutboxState.NEEDS_STAFF) {
                row.getChildren().add(text(l10n.get("staff.queue.explain.needs_staff")));
            } else if (r.refusalKey().isEmpty() && r.note().isPresent()) {
                row.getChildren().add(text(l10n.get("staff.queue.explain.retrying")));
            }
            // the code or the kiosk's note, as it is, for the technician
            r.refusalCode().or(r::note).ifPresent(n -> {
                Label technical = text(l10n.get("staff.queue.note", n));
                technical.getStyleClass().add("staff-technical");
                technical.setId("staffQueueTechnical-" + r.sequence());
                row.getChildren().add(technical);
            });
            Button retry = action("staff.queue.retry", "staffRetry-" + r.sequence(), () -> vm.retry(r.id()));
            Button discard = action("staff.queue.discard", "staffDiscard-" + r.sequence(), () -> vm.askDiscard(r.id()));
            // a row being sent may be in the server's hands right now: neither can be done to it
            boolean sending = r.state() == org.opackiosk.core.outbox.OutboxState.SENDING;
            retry.setDisable(sending);
            discard.setDisable(sending);
            row.getChildren().add(row(retry, discard));
            content.getChildren().add(row);
        }
        add(row(action("staff.refresh", "staffQueueRefresh", vm::refreshQueue)));
    }

    /** Which book, hold or loan: the title (or the record id the index does not know), the pickup library. */
    private String item(QueueRow r) {
        StaffDashboardViewModel.Item item = r.item();
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!item.recordIds().isEmpty()) {
            String first = item.recordIds().get(0);
            String record = item.title().map(t -> l10n.get("staff.queue.item.titleAndId", t, first))
                    .orElseGet(() -> l10n.get("staff.queue.item.idOnly", first));
            parts.add(item.recordIds().size() == 1 ? l10n.get("staff.queue.item.record", record)
                    : l10n.get("staff.queue.item.records", record, item.recordIds().size() - 1));
        }
        item.holdId().ifPresent(h -> parts.add(l10n.get("staff.queue.item.hold", h)));
        item.loanId().ifPresent(c -> parts.add(l10n.get("staff.queue.item.loan", c)));
        item.libraryId().ifPresent(b -> parts.add(l10n.get("staff.queue.item.pickup", vm.libraryName(b))));
        return String.join(l10n.get("staff.queue.separator"), parts);
    }

    private void devices() {
        GridPane facts = facts();
        fact(facts, "staff.devices.scanner", l10n.get("staff.scanner." + vm.scannerStatusProperty().get().name().toLowerCase(Locale.ROOT))
                + (vm.scannerDescriptionProperty().get().isEmpty() ? "" : " — " + vm.scannerDescriptionProperty().get()));
        fact(facts, "staff.devices.printer", vm.printerStatusProperty().get()
                .map(st -> l10n.get("staff.printer." + st.name().toLowerCase(Locale.ROOT))).orElse(l10n.get("staff.devices.noPrinter")));
        fact(facts, "staff.devices.camera", vm.hasCamera() ? l10n.get("staff.devices.cameraConfigured") : l10n.get("staff.devices.noCamera"));
        add(facts);

        VBox testArea = new VBox();
        testArea.getStyleClass().add("staff-scan-area");
        testArea.setId("staffScanArea");
        ScanReading scan = vm.lastScanProperty().get();
        testArea.getChildren().add(Controls.label(l10n.text("staff.devices.scanHere"), "staff-row-title"));
        if (scan == null) {
            testArea.getChildren().add(text(l10n.get("staff.devices.noScan")));
        } else {
            Label code = new Label(scan.visibleText());
            code.getStyleClass().add("staff-scan-text");
            code.setId("staffScanText");
            code.setWrapText(true);
            testArea.getChildren().addAll(code, text(l10n.get("staff.devices.scanDetail", scan.length(), scan.symbology().name(),
                    scan.source().name().toLowerCase(Locale.ROOT).replace('_', ' '), TIME.format(scan.at().atZone(vm.zone())))));
        }
        testArea.getChildren().add(text(l10n.get("staff.devices.scanLegend")));
        add(testArea);

        LightState light = vm.lightTestProperty().get();
        if (light != null) {
            add(text(l10n.get("staff.devices.lightNow", l10n.get("staff.light." + light.name().toLowerCase(Locale.ROOT)))));
        }
        if (vm.cameraWaitingProperty().get()) {
            add(text(l10n.get("staff.devices.cameraWaiting")));
        }
        ScanReading frame = vm.cameraResultProperty().get();
        if (frame != null) {
            add(text(l10n.get("staff.devices.cameraRead", frame.visibleText(), frame.symbology().name())));
        }
        Button print = action("staff.devices.testPrint", "staffTestPrint", vm::testPrint);
        print.setDisable(!vm.hasPrinter());
        Button camera = action("staff.devices.testCamera", "staffTestCamera", vm::testCamera);
        camera.setDisable(!vm.hasCamera());
        FlowPane actions = new FlowPane(print, action("staff.devices.testLight", "staffTestLight", vm::testLight),
                action("staff.devices.testBuzzer", "staffTestBuzzer", vm::testBuzzer), camera,
                action("staff.refresh", "staffDevicesRefresh", vm::refreshDevices));
        actions.getStyleClass().add("staff-actions");
        add(actions);
    }

    private void kiosk() {
        HostFacts.Snapshot h = vm.hostProperty().get();
        GridPane facts = facts();
        fact(facts, "staff.kiosk.version", h == null ? "…" : h.version());
        fact(facts, "staff.kiosk.uptime", h == null ? "…" : duration(h.uptime()));
        fact(facts, "staff.kiosk.memory", h == null ? "…" : bytes(h.memoryFreeBytes()));
        fact(facts, "staff.kiosk.disk", h == null ? "…" : bytes(h.diskFreeBytes()));
        Instant now = vm.nowProperty().get();
        fact(facts, "staff.kiosk.clock", (now == null ? "…" : WHEN.format(now.atZone(vm.zone()))) + " — "
                + (h == null ? "…" : h.clockSynchronised().map(ok -> l10n.get(ok ? "staff.kiosk.synced" : "staff.kiosk.notSynced"))
                        .orElse(l10n.get("staff.unknown"))));
        fact(facts, "staff.kiosk.branch", library(vm.branchProperty().get()));
        fact(facts, "staff.kiosk.pickup", library(vm.defaultPickupProperty().get()));
        add(facts);

        add(Controls.label(l10n.text("staff.kiosk.configuration"), "staff-row-title"));
        GridPane config = facts();
        config.setId("staffConfiguration");
        for (ConfigSummary.Entry e : vm.configuration()) {
            Label name = new Label(e.key());
            name.getStyleClass().addAll("fact-name", "staff-config-key");
            Label value = new Label(e.value());
            value.setWrapText(true);
            value.getStyleClass().add("staff-config-value");
            config.addRow(config.getRowCount(), name, value);
        }
        add(config);
    }

    private void settings() {
        // the box: restart, reboot, shut down — confirmed on a second step, never the main button
        add(Controls.label(l10n.text("staff.system.title"), "staff-row-title"));
        if (vm.systemSimulated()) {
            add(text(l10n.get("staff.system.demo")));
        }
        SystemActions.Action confirming = vm.confirmingSystemProperty().get();
        if (confirming != null) {
            Label question = text(l10n.get("staff.system.confirm." + confirming.name().toLowerCase(Locale.ROOT)));
            question.setId("staffSystemQuestion");
            Button cancel = action("staff.cancel", "staffSystemCancel", vm::cancelSystem);
            cancel.getStyleClass().add("primary");
            add(question, row(cancel, action("staff.system.do." + confirming.name().toLowerCase(Locale.ROOT), "staffSystemConfirm",
                    vm::confirmSystem)));
        } else {
            FlowPane box = new FlowPane();
            box.getStyleClass().add("staff-actions");
            for (SystemActions.Action a : SystemActions.Action.values()) {
                box.getChildren().add(action("staff.system." + a.name().toLowerCase(Locale.ROOT),
                        "staffSystem-" + a.name().toLowerCase(Locale.ROOT), () -> vm.askSystem(a)));
            }
            add(box);
        }

        // the settings staff may change, each a row of large choices; they apply until the kiosk restarts
        add(Controls.label(l10n.text("staff.kiosk.settings"), "staff-row-title"),
                text(l10n.get(vm.keepsSettings() ? "staff.kiosk.kept" : "staff.kiosk.notSaved")));
        add(choiceRow("staff.kiosk.branch", vm.libraries().stream().map(l -> choice(l.name(), "staffBranch-" + l.id(),
                l.id().equals(vm.branchProperty().get()), () -> vm.chooseBranch(l.id()))).toArray(Node[]::new)));
        add(choiceRow("staff.kiosk.pickup", vm.libraries().stream().filter(Library::pickupLocation).map(l -> choice(l.name(),
                "staffPickup-" + l.id(), l.id().equals(vm.defaultPickupProperty().get()),
                () -> vm.chooseDefaultPickup(l.id()))).toArray(Node[]::new)));
        add(choiceRow("staff.kiosk.language", Localization.SUPPORTED.stream().map(lang -> choice(
                l10n.get("language." + lang.getLanguage()), "staffLanguage-" + lang.getLanguage(),
                lang.equals(vm.defaultLanguageProperty().get()), () -> vm.chooseDefaultLanguage(lang))).toArray(Node[]::new)));
        add(choiceRow("staff.kiosk.textSize", java.util.Arrays.stream(TextSize.values()).map(size -> choice(
                l10n.get("staff.textSize." + size.name().toLowerCase(Locale.ROOT)), "staffTextSize-" + size.name().toLowerCase(Locale.ROOT),
                size == vm.defaultTextSizeProperty().get(), () -> vm.chooseDefaultTextSize(size))).toArray(Node[]::new)));
        // which values staff changed, and the way back to the technician's configuration
        org.opackiosk.app.staff.SettingsOverrides changed = vm.overrides();
        if (!changed.isEmpty()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            changed.branch().ifPresent(v -> names.add(l10n.get("staff.kiosk.branch")));
            changed.defaultPickup().ifPresent(v -> names.add(l10n.get("staff.kiosk.pickup")));
            changed.language().ifPresent(v -> names.add(l10n.get("staff.kiosk.language")));
            changed.textSize().ifPresent(v -> names.add(l10n.get("staff.kiosk.textSize")));
            Label which = text(l10n.get("staff.kiosk.changedByStaff", String.join(l10n.get("staff.kiosk.listSeparator"), names)));
            which.setId("staffSettingsChanged");
            add(which, row(action("staff.kiosk.reset", "staffSettingsReset", vm::backToConfigured)));
        }
    }

    private void log() {
        FlowPane filters = new FlowPane();
        filters.getStyleClass().add("staff-actions");
        for (LogFilter f : LogFilter.values()) {
            filters.getChildren().add(choice(l10n.get("staff.log." + f.name().toLowerCase(Locale.ROOT)),
                    "staffLog-" + f.name().toLowerCase(Locale.ROOT), f == vm.logFilterProperty().get(), () -> vm.setLogFilter(f)));
        }
        filters.getChildren().add(action("staff.refresh", "staffLogRefresh", vm::refreshLog));
        add(filters);
        if (vm.logLines().isEmpty()) {
            add(text(l10n.get("staff.log.empty")));
        }
        VBox lines = new VBox();
        lines.getStyleClass().add("staff-log");
        lines.setId("staffLog");
        for (LogRing.Line line : vm.logLines()) {
            Label l = new Label(TIME.format(line.at().atZone(vm.zone())) + "  " + line.level() + "  " + line.logger() + " — "
                    + line.message());
            l.setWrapText(true);
            l.getStyleClass().add("staff-log-line");
            l.getStyleClass().add("staff-log-" + line.level().toString().toLowerCase(Locale.ROOT));
            lines.getChildren().add(l);
        }
        add(lines);
    }

    private void history() {
        if (vm.history().isEmpty()) {
            add(text(l10n.get("staff.history.empty")));
        }
        GridPane grid = facts();
        grid.setId("staffHistory");
        for (StaffAuditEntry e : vm.history()) {
            Label when = new Label(WHEN.format(e.at().atZone(vm.zone())) + "  " + e.staff());
            when.getStyleClass().add("fact-name");
            Label what = new Label(e.action() + " — " + e.outcome());
            what.setWrapText(true);
            grid.addRow(grid.getRowCount(), when, what);
        }
        add(grid);
    }

    // ---- small pieces

    private void add(Node... nodes) {
        content.getChildren().addAll(nodes);
    }

    private GridPane facts() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("staff-facts");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        return grid;
    }

    private void fact(GridPane grid, String key, String value) {
        Label name = new Label(l10n.get(key));
        name.getStyleClass().add("fact-name");
        Label v = new Label(value);
        v.setWrapText(true);
        v.setId("fact-" + key.substring(key.lastIndexOf('.') + 1));
        grid.addRow(grid.getRowCount(), name, v);
    }

    private Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("patron-hint");
        return l;
    }

    private Button action(String key, String id, Runnable run) {
        Button b = Controls.button(l10n.text(key), null);
        b.setId(id);
        b.setOnAction(e -> run.run());
        return b;
    }

    private Button choice(String label, String id, boolean current, Runnable run) {
        Button b = Controls.button(new javafx.beans.property.SimpleStringProperty(label), null, "staff-choice");
        b.setId(id);
        b.pseudoClassStateChanged(CURRENT, current);
        b.setOnAction(e -> run.run());
        return b;
    }

    private Node row(Node... nodes) {
        FlowPane row = new FlowPane(nodes);
        row.getStyleClass().add("staff-actions");
        return row;
    }

    private Node choiceRow(String key, Node... choices) {
        FlowPane row = new FlowPane();
        row.getStyleClass().add("staff-actions");
        Label name = new Label(l10n.get(key));
        name.getStyleClass().addAll("fact-name", "staff-choice-name");
        row.getChildren().add(name);
        if (choices.length == 0) {
            row.getChildren().add(text(l10n.get("staff.kiosk.noLibraries")));
        }
        row.getChildren().addAll(choices);
        return row;
    }

    private String library(String id) {
        return vm.libraries().stream().filter(l -> l.id().equals(id)).findFirst().map(l -> l.name() + " (" + id + ")").orElse(id);
    }

    private String kind(QueueRow r) {
        return l10n.get("staff.kind." + r.kind().name().toLowerCase(Locale.ROOT));
    }

    private String yesNo(Optional<Boolean> b) {
        return b.map(v -> l10n.get(v ? "staff.yes" : "staff.no")).orElse(l10n.get("staff.unknown"));
    }

    private String days(OptionalLong d) {
        return d.isPresent() ? l10n.get("staff.days", d.getAsLong()) : l10n.get("staff.unknown");
    }

    private String when(Optional<Instant> at) {
        return at.map(this::at).orElse(l10n.get("staff.never"));
    }

    private String at(Instant at) {
        return WHEN.format(at.atZone(vm.zone()));
    }

    private String duration(Duration d) {
        return l10n.get("staff.duration", d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }

    private String bytes(OptionalLong b) {
        if (b.isEmpty()) {
            return l10n.get("staff.unknown");
        }
        double mb = b.getAsLong() / (1024.0 * 1024.0);
        return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024) : String.format(Locale.ROOT, "%.0f MB", mb);
    }
}
