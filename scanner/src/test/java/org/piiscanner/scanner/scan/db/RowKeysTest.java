package org.piiscanner.scanner.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.piiscanner.scanner.scan.db.Catalog.KeyKind;

/** Row keys as location path segments: the rendering contract and its inverse. */
class RowKeysTest {

    @Test
    void rendersTheContract() {
        assertThat(RowKeys.render(List.of("id"), List.of(KeyKind.INTEGER), List.of("42"))).isEqualTo("id=42");
        assertThat(RowKeys.render(List.of("code"), List.of(KeyKind.TEXT), List.of("AB-1"))).isEqualTo("code='AB-1'");
        assertThat(RowKeys.render(List.of("code"), List.of(KeyKind.TEXT), List.of("O'Neill"))).isEqualTo(
                "code='O''Neill'");
        assertThat(RowKeys.render(List.of("order_id", "line"), List.of(KeyKind.INTEGER, KeyKind.INTEGER),
                List.of("7", "2"))).isEqualTo("order_id=7,line=2");
    }

    @Test
    void parsesWhatItRenders() {
        List<String> cols = List.of("a,b", "c=d", "n");
        List<KeyKind> kinds = List.of(KeyKind.TEXT, KeyKind.TEXT, KeyKind.DECIMAL);
        List<String> values = List.of("x,y='z'", "", "-12.50");
        String segment = RowKeys.render(cols, kinds, values);
        assertThat(segment).isEqualTo("a,b='x,y=''z''',c=d='',n=-12.50");
        assertThat(RowKeys.parse(segment, cols, kinds)).isEqualTo(values);
    }

    @Test
    void rejectsWhatIsNotAKeyOfTheTable() {
        assertThatThrownBy(() -> RowKeys.parse("id=1; DROP TABLE x", List.of("id"), List.of(KeyKind.INTEGER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the row key's number is malformed");
        assertThatThrownBy(() -> RowKeys.parse("code='AB", List.of("code"), List.of(KeyKind.TEXT)))
                .hasMessage("the row key's text value is not closed");
        assertThatThrownBy(() -> RowKeys.parse("id=1,x=2", List.of("id"), List.of(KeyKind.INTEGER)))
                .hasMessage("the row key has more parts than the table's key");
        assertThatThrownBy(() -> RowKeys.parse("other=1", List.of("id"), List.of(KeyKind.INTEGER)))
                .hasMessage("the row key does not name the key column 1");
    }
}
