package org.piiscanner.classifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnValueDetectorTest {

    static final DetectionEngine FULL = DetectionEngine.createDefault();
    static final DetectionEngine EMAIL = DetectionEngine.builder().onlyTypes(List.of("EMAIL_ADDRESS")).build();

    static String describe(Finding f) {
        return f.type() + " " + f.start() + "-" + f.end() + " " + f.explanation().pattern() + " " + f.score();
    }

    static List<String> describe(List<Finding> fs) {
        return fs.stream().map(ColumnValueDetectorTest::describe).toList();
    }

    @Test
    void nameShapedValuesOfANameColumnAreOnePersonEach() {
        ColumnValueDetector d = ColumnValueDetector.nameColumn(FULL, null, DetectionContext.forField("full_name"));
        assertThat(describe(d.detect("  Oliver Smith "))).containsExactly("PERSON 2-14 PERSON (name column) 0.85");
        assertThat(describe(d.detect("O'Brien-Jones, Mary J."))).containsExactly(
                "PERSON 0-22 PERSON (name column) 0.85");
        assertThat(describe(d.detect("ZOË ŁUKASZEWICZ"))).containsExactly("PERSON 0-15 PERSON (name column) 0.85");
        assertThat(d.detect("Oliver Smith").getFirst().sensitiveValue()).isEqualTo("Oliver Smith");
        assertThat(d.detect("Oliver Smith").getFirst().maskedPreview()).doesNotContain("liver");
    }

    @Test
    void otherValuesOfANameColumnGoThroughTheFullEngine() {
        DetectionContext ctx = DetectionContext.forField("full_name");
        ColumnValueDetector d = ColumnValueDetector.nameColumn(FULL, null, ctx);
        assertThat(d.detect("unknown")).isEmpty();
        assertThat(d.detect("   ")).isEmpty();
        assertThat(describe(d.detect("oliver.smith@example.org")))
                .containsExactly("EMAIL_ADDRESS 0-24 EMAIL (mailbox, IANA TLD) 0.85");
        for (String v : List.of("Customer 17", "N/A", "Smith & Sons Ltd")) {
            assertThat(describe(d.detect(v))).as(v).isEqualTo(describe(FULL.detect(v, ctx)));
        }
    }

    @Test
    void aTypedColumnTakesAWholeValueMatchOfItsTypeAndFallsBackOtherwise() {
        DetectionContext ctx = DetectionContext.forField("email");
        ColumnValueDetector d = ColumnValueDetector.typedColumn(FULL, EMAIL, ctx);
        String email = "oliver.smith17@example.org";
        assertThat(describe(d.detect(email))).isEqualTo(describe(FULL.detect(email, ctx)))
                .containsExactly("EMAIL_ADDRESS 0-26 EMAIL (mailbox, IANA TLD) 1.0");
        // not an e-mail address: the full engine finds the phone number the column's own type does not explain
        String odd = "call 07400 123456";
        assertThat(describe(d.detect(odd))).isEqualTo(describe(FULL.detect(odd, ctx))).hasSize(1)
                .allMatch(s -> s.startsWith("PHONE_NUMBER 5-17"));
    }

    @Test
    void freeTextRunsTheFullEngine() {
        DetectionContext ctx = DetectionContext.forField("notes");
        String text = "Spoke to Oliver Smith, call back on 020 7946 0018.";
        assertThat(describe(ColumnValueDetector.fullText(FULL, ctx).detect(text)))
                .isEqualTo(describe(FULL.detect(text, ctx)));
    }

    @Test
    void nameShapes() {
        for (String yes : List.of("Smith", "J. Smith", "Smith, Oliver", "Mary-Jane O\u2019Neil", "de la Cruz",
                "A B C D Eve")) {
            assertThat(ColumnValueDetector.nameShaped(yes, 0, yes.length())).as(yes).isTrue();
        }
        for (String no : List.of("A", "J.", "Smith  Jones", "Smith1", "-Smith", "Smith-", "a b c d e f",
                "Smith,, Oliver", "Smith, Oliver, Jr", "Smith.Jones", "Unknown", "N/A", "Test User", "x".repeat(81))) {
            assertThat(ColumnValueDetector.nameShaped(no, 0, no.length())).as(no).isFalse();
        }
    }
}
