package org.opackiosk.demo.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        // given
        CsvReader csv = new CsvReader(new StringReader(
                "\uFEFF人物ID,作品名\r\n001257,\"駅伝馬車\"\r\n000148,\"a, \"\"b\"\"\nc\"\n"));

        // when
        CsvReader.Row header = csv.next();
        CsvReader.Row first = csv.next();
        CsvReader.Row second = csv.next();
        CsvReader.Row end = csv.next();

        // then
        assertThat(header.fields()).containsExactly("人物ID", "作品名");
        assertThat(first.fields()).containsExactly("001257", "駅伝馬車");
        assertThat(first.line()).isEqualTo(2);
        assertThat(second.fields()).isEqualTo(List.of("000148", "a, \"b\"\nc"));
        assertThat(second.line()).isEqualTo(3);
        assertThat(end).isNull();
    }

    @Test
    void emptyFieldsAndALastLineWithoutNewline() throws IOException {
        // given
        CsvReader csv = new CsvReader(new StringReader("a,,c\nd,e,"));

        // when / then
        assertThat(csv.next().fields()).containsExactly("a", "", "c");
        assertThat(csv.next().fields()).containsExactly("d", "e", "");
        assertThat(csv.next()).isNull();
    }

    @Test
    void anUnterminatedQuoteIsAnError() throws IOException {
        // given
        CsvReader csv = new CsvReader(new StringReader("a,\"b\n"));

        // when / then
        assertThatThrownBy(csv::next).isInstanceOf(IOException.class).hasMessageContaining("line 1");
    }
}
