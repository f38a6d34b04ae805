package org.piiscanner.classifiers.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules that adjust or drop the model's spans, fed with a chosen model output (so each rule is tested even where
 * the current model happens not to need it). Text: the marked span « » is what the model reported, [ ] what the
 * rules must report (none = dropped).
 */
class NameRulesTest {

    private static final NameRules RULES = new NameRules(NameLists.get());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // initials the model left out
        "signed by J. R. «Thompson» today|[J. R. Thompson]|PERSON (initials)|initials joined",
        "signed by J. «R. Thompson» today|[J. R. Thompson]|PERSON (initials)|initials joined",
        // hyphenated given name split by a tokenizer
        "I met Hans-«Peter Mueller» there|[Hans-Peter Mueller]|PERSON (hyphenated given name)|hyphenated given name joined",
        "I met «Hans»-Peter Mueller there|[Hans-Peter Mueller]|PERSON (hyphenated given name)|hyphenated given name joined",
        // Surname, Given at the start of a field
        "reviewed (Wright, «Emily») today|[Wright, Emily]|PERSON (Surname, Given)|",
        // labels, titles and job titles are trimmed or dropped
        "«Attn» Accounts|none||",
        "«Bill» To: Acme|none||",
        "Thanks «Bill» for the help|[Bill]|PERSON (model)|",
        "«Mary Hain Senior Regulatory Counsel» ISO|[Mary Hain]|PERSON (model)|trimmed",
        "«Elizabeth 36349»|[Elizabeth]|PERSON (model)|trimmed",
        "said «President Bush» today|[Bush]|PERSON (model)|trimmed",
        // defined terms
        "pay «the Borrower» now|none||",
        "between the «Borrower» and|none||",
        "the «Loan Agreement» dated|none||",
        "each (\"«Agent»\") shall|none||",
        "the «Allawi» government|[Allawi]|PERSON (model)|",
        // organisations that look like people
        "«Farrell» & Hart LLP|none||",
        "«Farrell Electric» is good|none||",
        // parts of addresses, initials only, numerals
        "«Stacey».Richardson@enron.com|none||",
        "Sent by: «John Salinardo@ENRON» today|[John Salinardo@ENRON]|PERSON (model)|",
        "Parts «VI» and VII|none||",
        "Union Bank, «N.» A.|none||",
        "«EARLY REPAYMENT» 4.1|none||",
        // two names run together, a file name, a leading function word
        "Coach: «Melanie King Brandon Luna» - Analyst|[Melanie King]|PERSON (model)|two names split",
        "see «Lisa_resume.doc» attached|none||",
        "Minister «of Defense Hazem Shaalan» said|[Defense Hazem Shaalan]|PERSON (model)|trimmed",
        // a given name the model left out before a surname it found
        "My name is Bill «Gottlieb» and|[Bill Gottlieb]|PERSON (model)|joined preceding capitalised words",
        // a list the model tagged as one name
        "in which «KENNEDY, SOUTER», and|[KENNEDY]|PERSON (model)|list split at commas"})
    void adjustsModelSpans(String marked, String expected, String pattern, String note) {
        int s = marked.indexOf('«');
        int e = marked.indexOf('»') - 1;
        String text = marked.replace("«", "").replace("»", "");
        // "the Borrower": the model span is the marked text minus a leading "the "
        if (text.substring(s, e).startsWith("the ")) {
            s += 4;
        }
        List<Name> model = new ArrayList<>(List.of(new Name(NameType.PERSON, s, e, NameRules.MODEL, 0.7, "")));
        List<Name> out = RULES.apply(text.toCharArray(), text.length(), model).stream()
                .filter(n -> n.type() == NameType.PERSON).toList();
        if (expected.equals("none")) {
            assertThat(out).as(marked).isEmpty();
            return;
        }
        String want = expected.substring(1, expected.length() - 1);
        assertThat(out).as(marked).isNotEmpty();
        Name n = out.get(0);
        assertThat(text.substring(n.start(), n.end())).isEqualTo(want);
        assertThat(n.pattern()).isEqualTo(pattern);
        assertThat(n.note()).isEqualTo(note == null ? "" : note);
    }
}
