package org.piiscanner.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            backups/**        | backups/2026.bak                     | true
            backups/**        | backups/a/b/c.zip!/d.sql             | true
            backups/**        | old/backups/x                        | false
            backups/**        | backups                              | false
            **/*.bak          | x.bak                                | true
            **/*.bak          | a/b/x.bak                            | true
            **/*.bak          | a/b/x.bak.txt                        | false
            *.bak             | a/x.bak                              | false
            **/old/**         | a/old/b                              | true
            **/old/**         | old/b                                | true
            hr.*              | hr.people                            | true
            hr.*              | hr2.people                           | false
            hr.?eople         | hr.People                            | true
            Backups/**        | BACKUPS/x                            | true
            a+b(c)[d]{e}.txt  | a+b(c)[d]{e}.txt                     | true
            a+b(c)[d]{e}.txt  | aab(c)[d]{e}.txt                     | false
            **                | anything/at all!/even.this           | true
            *                 | a/b                                  | false
            jdbc:postgresql://db1*/** | jdbc:postgresql://db1.example:5432/crm | true
            """)
    void matchesWholePathsIgnoringCase(String glob, String path, boolean matches) {
        assertThat(PathGlob.of(glob).matches(path)).isEqualTo(matches);
    }

    @org.junit.jupiter.api.Test
    void blankAndTripleStarPatternsAreRefused() {
        assertThatThrownBy(() -> PathGlob.of(" ")).hasMessage("a path pattern must not be blank");
        assertThatThrownBy(() -> PathGlob.of("a/***/b"))
                .hasMessage("'***' is not a pattern: use '**' for any folders, '*' within one");
        assertThat(PathGlob.of("a/**")).hasToString("a/**").isEqualTo(PathGlob.of("a/**"));
    }
}
