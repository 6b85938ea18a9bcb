package org.opackiosk.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opackiosk.app.testing.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FirstFrameUiTest {

    private static final Instant STARTED = Instant.parse("2026-11-23T05:05:00Z");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void logsTheTimeSinceTheProcessStartedOnceAtTheFirstPulseThenRunsTheFollowUpOnce() {
        // given
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicInteger followUps = new AtomicInteger();
        AtomicInteger pulses = new AtomicInteger();
        Label label = new Label("first");

        // when: the scene is shown (its first pulse) and changed until it has had three pulses
        Fx.run(() -> {
            Scene scene = new Scene(new StackPane(label), 300, 200);
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            FirstFrame.report(scene, () -> STARTED.plusMillis(1234), Optional.of(STARTED), lines::add,
                    followUps::incrementAndGet);
            stage.setScene(scene);
            stage.show();
        });
        for (int i = 0; pulses.get() < 3 && i < 1000; i++) {
            String text = "change " + i;
            Fx.run(() -> label.setText(text));
        }

        // then
        assertThat(pulses).hasValueGreaterThanOrEqualTo(3);
        assertThat(lines).containsExactly("First frame after 1234 ms since the process started");
        assertThat(followUps).hasValue(1);
    }

    @Test
    void saysSoWhenTheProcessStartIsUnknown() {
        assertThat(FirstFrame.message(STARTED, Optional.empty()))
                .startsWith(FirstFrame.LOG_PREFIX)
                .contains("not available");
    }
}
