package org.opackiosk.core.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.core.circulation.CallResult;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.platform.ManualScheduler;

class RequestsInFlightTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final RequestsInFlight inFlight = new RequestsInFlight(scheduler);
    private final List<Boolean> heard = new ArrayList<>();

    @Test
    void aQuickAnswerNeverShowsWorking() {
        // given
        inFlight.addListener(heard::add);

        // when: the server answers within 299 ms
        RequestsInFlight.Request request = inFlight.begin();
        scheduler.advance(Duration.ofMillis(299));
        request.close();
        scheduler.advance(Duration.ofSeconds(5));

        // then: the lamp was never told anything, and nothing is left scheduled
        assertThat(heard).isEmpty();
        assertThat(inFlight.busy()).isFalse();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aSlowRequestShowsWorkingAfter300msUntilItEnds() {
        inFlight.addListener(heard::add);

        RequestsInFlight.Request request = inFlight.begin();
        scheduler.advance(Duration.ofMillis(299));
        assertThat(inFlight.busy()).isFalse();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(inFlight.busy()).isTrue();
        assertThat(heard).containsExactly(true);

        request.close();

        assertThat(inFlight.busy()).isFalse();
        assertThat(heard).containsExactly(true, false);
    }

    @Test
    void overlappingRequestsAreOneStretchOfWorking() {
        inFlight.addListener(heard::add);

        RequestsInFlight.Request first = inFlight.begin();
        scheduler.advance(Duration.ofMillis(200));
        RequestsInFlight.Request second = inFlight.begin();
        scheduler.advance(Duration.ofMillis(200));
        assertThat(heard).as("the first request has been waiting 400 ms").containsExactly(true);

        first.close();
        assertThat(inFlight.busy()).as("the second is still waiting").isTrue();
        first.close(); // closing twice does not end the second one
        assertThat(inFlight.busy()).isTrue();

        second.close();
        assertThat(heard).containsExactly(true, false);
    }

    @Test
    void aRequestStartingRightAfterAnotherEndedWaitsItsOwn300ms() {
        inFlight.addListener(heard::add);
        inFlight.begin().close();

        RequestsInFlight.Request next = inFlight.begin();
        scheduler.advance(Duration.ofMillis(250));
        assertThat(heard).isEmpty();
        scheduler.advance(Duration.ofMillis(50));
        assertThat(heard).containsExactly(true);
        next.close();
    }

    @Test
    void theObservedServiceCountsEachCallWhileItWaitsForTheServer() {
        // given: a server that takes 1 s for libraries() and answers record() at once
        List<Boolean> busyDuringCall = new ArrayList<>();
        CirculationService server = (CirculationService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CirculationService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("libraries")) {
                        scheduler.advance(Duration.ofSeconds(1));
                    }
                    busyDuringCall.add(inFlight.busy());
                    return CallResult.unreachable("test");
                });
        ConnectivityMonitor monitor = new ConnectivityMonitor(() -> true, scheduler, Duration.ofSeconds(10));
        CirculationService observed = new ObservedCirculationService(server, monitor, inFlight);
        inFlight.addListener(heard::add);

        // when
        observed.libraries();
        observed.record("1");

        // then: amber while the slow call waited, off once it answered; the quick one never showed
        assertThat(busyDuringCall).containsExactly(true, false);
        assertThat(heard).containsExactly(true, false);
        assertThat(inFlight.busy()).isFalse();
    }
}
