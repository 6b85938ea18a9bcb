package org.opackiosk.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.browse.BrowseViewModel.Status;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.QueuedScheduler;
import org.opackiosk.core.circulation.CirculationService;
import org.opackiosk.core.circulation.Refusal;

class BrowseViewModelTest {

    private final FakeCirculationService circulation = FakeCirculationService.withSampleCatalogue();
    private final QueuedScheduler scheduler = new QueuedScheduler();
    private final BrowseViewModel browse = new BrowseViewModel(circulation.service(), scheduler, Runnable::run);

    @Test
    void asksTheServerOnAWorkerAndShowsProgressUntilTheAnswerArrives() {
        // when
        browse.open();

        // then: asked on the worker, nothing shown yet
        assertThat(scheduler.queuedWork()).isEqualTo(1);
        assertThat(circulation.requestedPages()).isEmpty();
        assertThat(browse.loadingProperty().get()).isTrue();
        assertThat(browse.canGoNext().get()).isFalse();

        // when the worker runs
        scheduler.runQueuedWork();

        // then
        assertThat(browse.loadingProperty().get()).isFalse();
        assertThat(browse.statusProperty().get()).isEqualTo(Status.SHOWING);
        assertThat(browse.records()).hasSize(10);
        assertThat(browse.records().get(0).title()).isEqualTo("銀河鉄道の夜");
        assertThat(browse.records().get(0).year()).hasValue(2000);
        assertThat(browse.records().get(0).material()).isEqualTo(MaterialType.BOOK);
        assertThat(browse.pageProperty().get()).isEqualTo(1);
        assertThat(browse.pageCountProperty().get()).isEqualTo(3);
        assertThat(browse.totalCountProperty().get()).isEqualTo(25);
    }

    @Test
    void pagesForwardToTheLastPageAndBack() {
        // given
        load(browse::open);
        assertThat(browse.canGoPrevious().get()).isFalse();

        // when
        load(browse::next);
        load(browse::next);

        // then
        assertThat(browse.pageProperty().get()).isEqualTo(3);
        assertThat(browse.records()).hasSize(5);
        assertThat(browse.canGoNext().get()).isFalse();
        assertThat(browse.canGoPrevious().get()).isTrue();

        // when
        load(browse::previous);

        // then
        assertThat(browse.pageProperty().get()).isEqualTo(2);
        assertThat(browse.records().get(0).title()).isEqualTo("羅生門・鼻");
        assertThat(circulation.requestedPages()).containsExactly(1, 2, 3, 2);
    }

    @Test
    void openingAgainKeepsThePageShown() {
        load(browse::open);
        load(browse::next);

        browse.open();

        assertThat(scheduler.queuedWork()).isZero();
        assertThat(browse.pageProperty().get()).isEqualTo(2);
    }

    @Test
    void anUnreachableServerIsSaidSoAndTheSamePageCanBeTriedAgain() {
        // given
        circulation.setReachable(false);

        // when
        load(browse::open);

        // then
        assertThat(browse.statusProperty().get()).isEqualTo(Status.UNREACHABLE);
        assertThat(browse.records()).isEmpty();
        assertThat(browse.canGoNext().get()).isFalse();

        // when
        circulation.setReachable(true);
        load(browse::retry);

        // then
        assertThat(browse.statusProperty().get()).isEqualTo(Status.SHOWING);
        assertThat(circulation.requestedPages()).containsExactly(1, 1);
    }

    @Test
    void aRefusalIsAFailureForStaffToLookAt() {
        circulation.refuseWith(new Refusal("forbidden", "refusal.forbidden"));

        load(browse::open);

        assertThat(browse.statusProperty().get()).isEqualTo(Status.FAILED);
    }

    @Test
    void aServiceThatThrowsStillEndsTheWaiting() {
        BrowseViewModel broken = new BrowseViewModel(throwingCirculation(), scheduler, Runnable::run);

        broken.open();
        scheduler.runQueuedWork();

        assertThat(broken.loadingProperty().get()).isFalse();
        assertThat(broken.statusProperty().get()).isEqualTo(Status.UNREACHABLE);
    }

    @Test
    void anEmptyCatalogueIsSaidSo() {
        BrowseViewModel empty = new BrowseViewModel(new FakeCirculationService(List.of()).service(), scheduler, Runnable::run);

        empty.open();
        scheduler.runQueuedWork();

        assertThat(empty.statusProperty().get()).isEqualTo(Status.EMPTY);
        assertThat(empty.canGoNext().get()).isFalse();
    }

    @Test
    void clearingForgetsEverythingAndDropsAnAnswerStillOnItsWay() {
        // given: page 2 shown, page 3 asked for
        load(browse::open);
        load(browse::next);
        browse.next();

        // when: the session ends before the answer arrives
        browse.clear();
        scheduler.runQueuedWork();

        // then
        assertThat(browse.records()).isEmpty();
        assertThat(browse.statusProperty().get()).isEqualTo(Status.NOT_LOADED);
        assertThat(browse.loadingProperty().get()).isFalse();
        assertThat(browse.pageProperty().get()).isEqualTo(1);

        // and the next patron starts on page 1
        load(browse::open);
        assertThat(browse.pageProperty().get()).isEqualTo(1);
    }

    private void load(Runnable command) {
        command.run();
        scheduler.runQueuedWork();
    }

    // An adapter that breaks the port's promise of results instead of exceptions.
    private static CirculationService throwingCirculation() {
        return (CirculationService) Proxy.newProxyInstance(CirculationService.class.getClassLoader(),
                new Class<?>[] {CirculationService.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("broken adapter");
                });
    }
}
