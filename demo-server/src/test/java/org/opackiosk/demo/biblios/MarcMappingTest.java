package org.opackiosk.demo.biblios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

class MarcMappingTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final MarcMapping mapping = new MarcMapping();

    private static Biblio.Builder kokoro() {
        return Biblio.builder().biblioId(12).materialType("BOOK").itemType("BK").language("jpn")
                .title("こころ").titleReading("ココロ").subtitle("上").partNumber("1")
                .author("夏目, 漱石 ; 山田, 花子").authorReading("ナツメ,ソウセキ ; ヤマダ,ハナコ")
                .publisher("東雲書房").publicationYear("2004").copyrightDate(2004).isbn("9784865200171")
                .ndc("913.6").subjects(List.of("小説（日本）")).seriesTitle("名作文庫").seriesVolume("1")
                .source("demo").creationDate(LocalDate.of(2026, 4, 1)).updatedAt(Instant.parse("2026-04-01T01:00:00Z"));
    }

    @Test
    void readingsTravelIn880FieldsLinkedToWhatTheyRead() {
        // when
        Record record = mapping.toMarc(kokoro().build(), TOKYO);

        // then
        DataField title = (DataField) record.getVariableField("245");
        assertThat(title.getSubfield('6').getData()).isEqualTo("880-03");
        List<String> linked = record.getVariableFields("880").stream().map(DataField.class::cast)
                .map(f -> f.getSubfield('6').getData() + " " + f.getSubfield('a').getData()).toList();
        assertThat(linked).containsExactly("100-01/$1 ナツメ,ソウセキ", "700-02/$1 ヤマダ,ハナコ", "245-03/$1 ココロ");
        assertThat(((DataField) record.getVariableField("700")).getSubfield('a').getData()).isEqualTo("山田, 花子");
    }

    @Test
    void theRecordCarriesKohasFieldsAndItsId() {
        // when
        Record record = mapping.toMarc(kokoro().build(), TOKYO);

        // then
        assertThat(record.getLeader().marshal()).hasSize(24).startsWith("00000nam a22");
        assertThat(record.getControlNumber()).isEqualTo("12");
        assertThat(((ControlField) record.getVariableField("005")).getData()).isEqualTo("20260401100000.0");
        String f008 = ((ControlField) record.getVariableField("008")).getData();
        assertThat(f008).hasSize(40).startsWith("260401s2004");
        assertThat(f008.substring(35, 38)).isEqualTo("jpn");
        assertThat(((DataField) record.getVariableField("084")).getSubfield('a').getData()).isEqualTo("913.6");
        assertThat(((DataField) record.getVariableField("490")).getSubfield('v').getData()).isEqualTo("1");
        assertThat(((DataField) record.getVariableField("942")).getSubfield('c').getData()).isEqualTo("BK");
        assertThat(((DataField) record.getVariableField("999")).getSubfield('c').getData()).isEqualTo("12");
    }

    @Test
    void aRecordReadBackGivesTheSameColumns() {
        // given
        Record record = mapping.toMarc(kokoro().build(), TOKYO);

        // when
        Biblio back = mapping.fromMarc(record).source("marcxml").creationDate(LocalDate.of(2026, 4, 1))
                .updatedAt(Instant.EPOCH).build();

        // then
        assertThat(back.title()).isEqualTo("こころ");
        assertThat(back.titleReading()).isEqualTo("ココロ");
        assertThat(back.subtitle()).isEqualTo("上");
        assertThat(back.author()).isEqualTo("夏目, 漱石");
        assertThat(back.authorReading()).isEqualTo("ナツメ,ソウセキ");
        assertThat(back.publisher()).isEqualTo("東雲書房");
        assertThat(back.copyrightDate()).isEqualTo(2004);
        assertThat(back.ndc()).isEqualTo("913.6");
        assertThat(back.subjects()).containsExactly("小説（日本）");
        assertThat(back.language()).isEqualTo("jpn");
        assertThat(back.itemType()).isEqualTo("BK");
        assertThat(back.materialType()).isEqualTo("BOOK");
        assertThat(back.sourceId()).isEqualTo("12");
    }

    @Test
    void audioVisualAndSerialMaterialGetTheirLeaderTypes() {
        // when
        Record dvd = mapping.toMarc(kokoro().materialType("DVD").build(), TOKYO);
        Record magazine = mapping.toMarc(kokoro().materialType("MAGAZINE").serial(true).build(), TOKYO);

        // then
        assertThat(dvd.getLeader().getTypeOfRecord()).isEqualTo('g');
        assertThat(magazine.getLeader().marshal().charAt(7)).isEqualTo('s');
    }

    @Test
    void isbdPunctuationAtTheEndIsDropped() {
        // when / then
        assertThat(MarcMapping.clean("E Street shuffle :")).isEqualTo("E Street shuffle");
        assertThat(MarcMapping.clean("the glory days /")).isEqualTo("the glory days");
        assertThat(MarcMapping.clean("New York,")).isEqualTo("New York");
        assertThat(MarcMapping.clean(" : ")).isNull();
    }
}
