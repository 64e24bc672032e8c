package dev.spillway.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRewriteTest {
    @Test
    void mapsRewrittenPositionsBackToTheOriginal() {
        String original = "SELECT foo FROM 'x.csv' WHERE bar";
        TextRewrite rewrite = new TextRewrite(original).replace(16, 23, "\"$table1\" AS \"x\"");
        String text = rewrite.text();
        assertThat(text).isEqualTo("SELECT foo FROM \"$table1\" AS \"x\" WHERE bar");
        // Before the edit nothing moves; after it, positions shift back; inside it, the edit's start.
        assertThat(rewrite.originalOffset(text.indexOf("foo"))).isEqualTo(original.indexOf("foo"));
        assertThat(rewrite.originalOffset(text.indexOf("bar"))).isEqualTo(original.indexOf("bar"));
        assertThat(rewrite.originalOffset(text.indexOf("AS"))).isEqualTo(16);
        assertThat(rewrite.originalPosition(TextPosition.of(text, text.indexOf("bar")))).isEqualTo(new TextPosition(1, 31));
    }

    @Test
    void blankingKeepsLineBreaks() {
        TextRewrite rewrite = new TextRewrite("CREATE VIEW v AS\nSELECT 1").blank(0, 17);
        assertThat(rewrite.text()).isEqualTo("                \nSELECT 1");
    }

    @Test
    void positionsAreOneBasedLinesAndColumns() {
        assertThat(TextPosition.of("ab\ncd", 4)).isEqualTo(new TextPosition(2, 2));
        assertThat(new TextPosition(2, 2).offsetIn("ab\ncd")).isEqualTo(4);
    }
}
