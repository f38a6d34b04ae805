package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.Validation;

class PersonNameDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new PersonNameDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // the model on ordinary prose
                found("Please ask «Yuki Tanaka» to join the call.", 0.55, 0.85).pattern("PERSON (model)"),
                // all-capitals labelled fields and lines
                found("EMPLOYEE NAME: «MARIA GONZALEZ»", 0.85, 0.85).pattern("PERSON (all-caps label line)"),
                found("MANAGER: «JAMES WRIGHT»", 0.85, 0.85).pattern("PERSON (all-caps label line)"),
                found("Employee name: «Maria Gonzalez»", 0.85, 0.85).pattern("PERSON (labelled field)"),
                found("«MARIA GONZALEZ»\nHead of Payroll", 0.7, 0.7).pattern("PERSON (all-caps line)"),
                // Surname, Given
                found("Customer: «Smith, John»", 0.8, 0.8).pattern("PERSON (Surname, Given)"),
                found("Patient: «Wright, Emily»", 0.8, 0.8).pattern("PERSON (Surname, Given)"),
                // hyphenated given names split by the tokenizer, initials
                found("I spoke to «Hans-Peter Mueller» yesterday.", 0.55, 0.85)
                        .pattern("PERSON (hyphenated given name)"),
                // initials: the fast tokenizer keeps "J." whole, so the model usually takes them (the initials rule,
                // for when it does not, is tested in NameRulesTest)
                found("The report was signed by «J. R. Thompson» last week.", 0.55, 0.85).pattern("PERSON (model)"),
                // e-mail headers
                found("From: «Maria Gonzalez» <mg@example.com>\nSubject: Budget", 0.85, 0.85)
                        .pattern("PERSON (e-mail header)"),
                found("To: «John Smith»; «Emily Wright»\nSubject: Budget", 0.85, 0.85)
                        .pattern("PERSON (e-mail header)"),
                found("Cc: «Smith, John»\nSubject: Budget", 0.8, 0.8).pattern("PERSON (Surname, Given)"),
                found("From: «Sara Shackleton»/HOU/ECT@ECT\nSubject: ISDA", 0.85, 0.85)
                        .pattern("PERSON (e-mail header)"),
                // salutations and sign-offs
                found("Dear «Maria»,\nThank you for your letter.", 0.75, 0.75).pattern("PERSON (salutation)"),
                found("Dear Mr. «Thompson»,\nThank you for your letter.", 0.75, 0.75).pattern("PERSON (salutation)"),
                found("Thanks for the update.\n\nRegards,\n«John Smith»", 0.7, 0.7).pattern("PERSON (sign-off)"),
                found("See the attached file.\n\nKind regards,\n«Oluwaseun»", 0.6, 0.6).pattern("PERSON (sign-off)"),
                // a given name alone on a line (a signature without a sign-off)
                found("I will call you tomorrow.\n«Vince»", 0.6, 0.6).pattern("PERSON (given name alone on a line)"),
                // labels that are not names
                none("Bill To: Acme Corporation"),
                none("Attn: Accounts Payable"),
                none("Ship To: Warehouse 4"),
                found("Attn: «Maria Gonzalez»", 0.85, 0.85).pattern("PERSON (labelled field)"),
                none("Dear Sir or Madam,\nPlease find the invoice attached."),
                none("Regards,\nThe Payroll Team"),
                // capitalised defined terms in contracts
                none("This Loan Agreement is made between the Borrower and the Lender."),
                none("The Holder shall deliver the Notes to the Agent."),
                none("Each Guarantor (the \"Guarantor\") shall pay the Obligations."),
                // all-capitals headings are not names
                none("SUBORDINATED LOAN AGREEMENT"),
                none("EARLY REPAYMENT"),
                // no name at all
                none("the meeting is at noon and nobody is coming"),
                none(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.PERSON);
    }

    @Test
    void emailLocalPartMatchingANearbyNameRaisesItsScore() {
        Finding plain = person("Please contact Maria Gonzalez for details.");
        Finding confirmed = person("Please contact Maria Gonzalez at maria.gonzalez@example.com for details.");
        assertThat(confirmed.explanation().note()).contains("matches e-mail local part");
        assertThat(confirmed.score()).isEqualTo(Math.min(1.0, plain.score() + 0.1), org.assertj.core.data.Offset
                .offset(0.001));
        assertThat(plain.explanation().note()).doesNotContain("e-mail");
    }

    @Test
    void emailLocalPartFindsANameTheModelMissed() {
        String text = "Minutes\nmaria.gonzalez@example.com wrote the MARIA GONZALEZ memo";
        List<Finding> f = ENGINE.detect(text).stream().filter(x -> x.type() == EntityType.PERSON).toList();
        assertThat(f).isNotEmpty();
    }

    @Test
    void locationsAndOrganisationsComeFromTheModel() {
        List<Finding> f = ENGINE.detect("She moved to London last year and now works for Microsoft.");
        assertThat(f).extracting(Finding::type).containsExactly(EntityType.LOCATION, EntityType.ORGANIZATION);
        assertThat(f.get(0).explanation().pattern()).isEqualTo("LOCATION (model)");
        assertThat(f.get(0).score()).isBetween(0.45, 0.7);
        assertThat(f.get(1).explanation().pattern()).isEqualTo("ORGANIZATION (model)");
        assertThat(EntityType.ORGANIZATION.category()).isEqualTo(DataCategory.PROFILE);
    }

    @Test
    void companyNamesEndingInALegalFormAreOrganisations() {
        String text = "Northgate Lighting Ltd\nHuman Resources";
        List<Finding> f = ENGINE.detect(text).stream().filter(x -> x.type() == EntityType.ORGANIZATION).toList();
        assertThat(f).hasSize(1);
        assertThat(text.substring(f.get(0).start(), f.get(0).end())).isEqualTo("Northgate Lighting Ltd");
        assertThat(f.get(0).explanation().pattern()).isEqualTo("ORGANIZATION (company suffix)");
        assertThat(f.get(0).score()).isEqualTo(0.6);
    }

    @Test
    void explanationNamesDetectorRuleAndAdjustments() {
        Finding f = person("I spoke to Hans-Peter Mueller yesterday.");
        assertThat(f.explanation().detector()).isEqualTo("person_name");
        assertThat(f.explanation().pattern()).isEqualTo("PERSON (hyphenated given name)");
        assertThat(f.explanation().note()).isEqualTo("hyphenated given name joined");
        assertThat(f.explanation().validation()).isEqualTo(Validation.NOT_APPLICABLE);
        assertThat(f.explanation().contextEffects()).isEmpty();
        assertThat(f.toString()).doesNotContain("Mueller");
        Finding header = person("From: Maria Gonzalez <mg@example.com>\nSubject: Budget");
        assertThat(header.explanation().pattern()).isEqualTo("PERSON (e-mail header)");
        assertThat(header.explanation().baseScore()).isEqualTo(0.85);
        assertThat(header.explanation().note()).isEmpty();
    }

    @Test
    void everyRuleHasADeclaredPattern() {
        List<String> names = new PersonNameDetector().patterns().stream().map(p -> p.name()).toList();
        for (String rule : PersonNameDetector.rules()) {
            assertThat(names).contains("PERSON (" + rule + ")");
        }
        assertThat(names).contains("LOCATION (model)", "ORGANIZATION (model)");
    }

    @Test
    void offsetsMapBackToTheOriginalText() {
        String text = "Dear\u00A0Maria,\nThanks.";
        Finding f = person(text);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("Maria");
    }

    @Test
    void aNameAtTheEndOfAVeryLongLineIsFound() {
        String text = "x ".repeat(100_000) + "please ask Yuki Tanaka to join.";
        Finding f = person(text);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("Yuki Tanaka");
    }

    @Test
    void threadsGetTheirOwnTaggerAndAgree() throws Exception {
        String text = "From: Maria Gonzalez <mg@example.com>\nDear John,\nplease call Yuki Tanaka.\nRegards,\nJames Wright";
        List<Finding> expected = ENGINE.detect(text);
        ExecutorService pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<List<Finding>> job = () -> ENGINE.detect(text);
                results.add(pool.submit(job));
            }
            for (Future<List<Finding>> r : results) {
                assertThat(r.get().toString()).isEqualTo(expected.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
    }

    private static Finding person(String text) {
        List<Finding> f = ENGINE.detect(text).stream().filter(x -> x.type() == EntityType.PERSON).toList();
        assertThat(f).as("persons in '%s'", text).hasSize(1);
        return f.get(0);
    }
}
