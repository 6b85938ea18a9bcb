package org.opackiosk.demo.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarcXmlChunkerTest {

    @Test
    void splitsACollectionIntoStandaloneRecordsWithTheirLines() {
        // given
        String file = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- exported -->
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                <record><leader>a</leader></record>
                <record>
                  <leader>b</leader>
                </record>
                </collection>
                """;

        // when
        List<MarcXmlChunker.Chunk> chunks = MarcXmlChunker.split(file);

        // then
        assertThat(chunks).extracting(MarcXmlChunker.Chunk::number).containsExactly(1, 2);
        assertThat(chunks).extracting(MarcXmlChunker.Chunk::line).containsExactly(4, 5);
        assertThat(chunks.get(0).document()).isEqualTo(
                "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>a</leader></record></collection>");
        assertThat(chunks).allMatch(c -> c.problem() == null);
    }

    @Test
    void keepsTheNamespacePrefixOfTheFile() {
        // given
        String file = "<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">"
                + "<marc:record><marc:leader>x</marc:leader></marc:record><marc:recordish/></marc:collection>";

        // when
        List<MarcXmlChunker.Chunk> chunks = MarcXmlChunker.split(file);

        // then
        assertThat(chunks).singleElement().extracting(MarcXmlChunker.Chunk::document).isEqualTo(
                "<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">"
                        + "<marc:record><marc:leader>x</marc:leader></marc:record></marc:collection>");
    }

    @Test
    void aFileThatIsOneRecordIsOneChunk() {
        // given
        String file = "<?xml version=\"1.0\"?>\n<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>x</leader></record>";

        // when
        List<MarcXmlChunker.Chunk> chunks = MarcXmlChunker.split(file);

        // then
        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.line()).isEqualTo(2);
            assertThat(chunk.document()).startsWith("<record ");
        });
    }

    @Test
    void aRecordWithoutItsClosingTagIsReported() {
        // given
        String file = "<collection><record><leader>x</leader></record><record><leader>y</leader>";

        // when
        List<MarcXmlChunker.Chunk> chunks = MarcXmlChunker.split(file);

        // then
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(1).problem()).isEqualTo("no closing </record>");
    }
}
