package dev.spillway.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {
    @Test
    void recognisesTokenKindsAndSkipsComments() {
        List<Token> tokens = SqlTokenizer.tokenize("SELECT x::int, 'it''s', \"Col\", 1.5e3 -- c\n FROM /* c */ t WHERE a <> b || c");
        assertThat(tokens).extracting(Token::kind, Token::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "SELECT"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "x"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.SYMBOL, "::"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "int"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.SYMBOL, ","),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.STRING, "'it''s'"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.SYMBOL, ","),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.QUOTED_IDENTIFIER, "\"Col\""),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.SYMBOL, ","),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.NUMBER, "1.5e3"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "FROM"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "t"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "WHERE"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "a"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.SYMBOL, "<>"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "b"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.SYMBOL, "||"),
                org.assertj.core.groups.Tuple.tuple(Token.Kind.WORD, "c"));
        assertThat(tokens.get(5).stringValue()).isEqualTo("it's");
        assertThat(tokens.get(7).identifier()).isEqualTo("Col");
    }

    @Test
    void tokensKnowTheirOffsets() {
        String sql = "SELECT  abc";
        Token token = SqlTokenizer.tokenize(sql).get(1);
        assertThat(sql.substring(token.start(), token.end())).isEqualTo("abc");
    }
}
