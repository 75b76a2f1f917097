package io.computeclearing.platform.referencedata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a reference data script is cut into statements: at a semicolon ending a line, comment lines dropped. */
class ReferenceDataScriptTest {

    @Test
    void statementsEndAtASemicolonEndingALineAndCommentLinesAreDropped() {
        String script = """
                -- The defaults; loaded when absent.
                insert into family (symbol, description)
                values ('A1', 'one; two'), ('B2', 'three')
                on conflict do nothing
                returning 'family ' || symbol;

                   -- an indented comment;
                with added as (insert into leg (symbol) values ('A1') returning symbol)
                select 'leg ' || symbol from added;\t
                -- trailing comment only
                """;

        assertThat(ReferenceDataScript.statements(script)).containsExactly("""
                insert into family (symbol, description)
                values ('A1', 'one; two'), ('B2', 'three')
                on conflict do nothing
                returning 'family ' || symbol""", """
                with added as (insert into leg (symbol) values ('A1') returning symbol)
                select 'leg ' || symbol from added""");
    }
}
