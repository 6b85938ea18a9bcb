package org.opackiosk.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.opackiosk.app.holds.SeriesAdder.Volume;
import org.opackiosk.app.testing.FakeCirculationService;
import org.opackiosk.app.testing.KioskFixture;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.circulation.Capability;
import org.opackiosk.core.config.SearchSettings;
import org.opackiosk.core.connectivity.ConnectionState;
import org.opackiosk.core.platform.ManualScheduler;

/** The record page's シリーズを順番に予約: which volumes, in which order, and when it is offered. */
class RecordViewModelTest {

    private final FakeCatalogueIndex index = new FakeCatalogueIndex();
    private final FakeCirculationService server = FakeCirculationService.withSampleCatalogue();
    private final SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.ONLINE);
    private final RecordViewModel vm = new RecordViewModel(index, server.service(), connection,
            new SearchSettings(Optional.empty(), Duration.ofMinutes(5)), new ManualScheduler(), KioskFixture.IMMEDIATE);
    private final List<List<Volume>> reserved = new ArrayList<>();

    private static CatalogueEntry volume(String id, String title, String volume, String series, String seriesVolume) {
        return new CatalogueEntry(id, title, "", "", volume, series, seriesVolume, List.of("吉川, 英治"), List.of(), "講談社", "東京",
                OptionalInt.of(1989), "", List.of(), "913.6", List.of(), "BK", "jpn", "", List.of(), null);
    }

    private void sangokushi() {
        // catalogued out of order, with every way a volume number is written
        index.add(volume("s3", "三国志", "第3巻", "三国志", "3"))
                .add(volume("s1", "三国志", "第1巻", "三国志", "１"))
                .add(volume("s10", "三国志", "第10巻", "三国志", "十"))
                .add(volume("s2", "三国志", "第2巻", "三国志", "第二巻"))
                .add(volume("s-extra", "三国志 別巻 人物事典", "", "三国志", ""))
                .add(volume("other", "三国志演義の世界", "", "中国古典の世界", "三国志"))
                .add(volume("single", "宮本武蔵", "", "", ""));
    }

    @Test
    void aVolumeOfASeriesOffersItselfAndTheFollowingVolumesInVolumeOrder() {
        // given
        sangokushi();
        vm.setSeriesAction(reserved::add);
        // when
        vm.open("s2");
        vm.reserveSeries();
        // then
        assertThat(vm.seriesOfferedProperty().get()).isTrue();
        assertThat(reserved).hasSize(1);
        assertThat(reserved.get(0)).extracting(Volume::recordId).containsExactly("s2", "s3", "s10", "s-extra");
        assertThat(reserved.get(0)).extracting(Volume::title)
                .containsExactly("三国志 第2巻", "三国志 第3巻", "三国志 第10巻", "三国志 別巻 人物事典");
    }

    @Test
    void theFirstVolumeOffersTheWholeSeries() {
        sangokushi();
        vm.setSeriesAction(reserved::add);

        vm.open("s1");

        assertThat(vm.seriesVolumes()).extracting(Volume::recordId).containsExactly("s1", "s2", "s3", "s10", "s-extra");
    }

    @Test
    void withoutTheServersOrderedHoldsTheSeriesIsNotOfferedAndNothingIsReserved() {
        // given
        sangokushi();
        server.patrons.capabilities.remove(Capability.ORDERED_SERIES_HOLDS);
        vm.setSeriesAction(reserved::add);
        // when
        vm.open("s1");
        vm.reserveSeries();
        // then
        assertThat(vm.seriesOfferedProperty().get()).isFalse();
        assertThat(reserved).isEmpty();
    }

    @Test
    void aRecordOfNoSeriesTheLastVolumeAndAnOfflineKioskOfferNoSeries() {
        sangokushi();
        vm.setSeriesAction(reserved::add);

        vm.open("single");
        assertThat(vm.seriesOfferedProperty().get()).as("no series").isFalse();
        vm.open("s-extra");
        assertThat(vm.seriesOfferedProperty().get()).as("nothing follows the last volume").isFalse();
        connection.set(ConnectionState.OFFLINE);
        vm.open("s1");
        assertThat(vm.seriesOfferedProperty().get()).as("offline: the server's offer is unknown").isFalse();
        vm.reserveSeries();
        assertThat(reserved).isEmpty();
    }

    @Test
    void volumeNumbersAreReadInArabicFullWidthAndKanjiDigits() {
        assertThat(SeriesVolumes.number("第12巻")).hasValue(12);
        assertThat(SeriesVolumes.number("１２")).hasValue(12);
        assertThat(SeriesVolumes.number("第二十三巻")).hasValue(23);
        assertThat(SeriesVolumes.number("十五")).hasValue(15);
        assertThat(SeriesVolumes.number("上")).isEmpty();
    }
}
