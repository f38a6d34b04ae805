package org.piiscanner.classifiers.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void asciiIsReturnedWithoutMapping() {
        NormalizedText n = TextNormalizer.normalize("AB 12 34 56 C\tx");
        assertThat(n.toString()).isEqualTo("AB 12 34 56 C\tx");
        assertThat(n.isIdentityMapped()).isTrue();
        assertThat(n.originalStart(3)).isEqualTo(3);
        assertThat(n.originalEnd(5)).isEqualTo(5);
    }

    @Test
    void spacesAndDashesAreReplacedInPlace() {
        String s = "943\u00A0476\u2007" + "5919 / 12\u201334\u2212" + "56 \u202F x";
        NormalizedText n = TextNormalizer.normalize(s);
        assertThat(n.toString()).isEqualTo("943 476 5919 / 12-34-56   x");
        assertThat(n.isIdentityMapped()).isTrue();
    }

    @Test
    void fullWidthDigitsBecomeAscii() {
        NormalizedText n = TextNormalizer.normalize("\uFF14\uFF11\uFF11\uFF11 card");
        assertThat(n.toString()).isEqualTo("4111 card");
        assertThat(n.isIdentityMapped()).isTrue();
    }

    @Test
    void droppedCharactersKeepOffsetsPointingAtTheOriginal() {
        String s = "x 9\u200B4\u200C3 y";
        NormalizedText n = TextNormalizer.normalize(s);
        assertThat(n.toString()).isEqualTo("x 943 y");
        assertThat(n.isIdentityMapped()).isFalse();
        // "943" is normalised [2, 5); in the original it is [2, 7)
        assertThat(n.originalStart(2)).isEqualTo(2);
        assertThat(n.originalEnd(5)).isEqualTo(7);
        assertThat(n.originalStart(6)).isEqualTo(8);
    }

    @Test
    void expansionsMapEveryOutputCharacterToItsSource() {
        String s = "\uFB01le 12";  // "ﬁle 12": the ligature becomes two characters
        NormalizedText n = TextNormalizer.normalize(s);
        assertThat(n.toString()).isEqualTo("file 12");
        assertThat(n.originalStart(0)).isZero();
        assertThat(n.originalEnd(2)).isEqualTo(1);
        assertThat(n.originalStart(5)).isEqualTo(4);
        assertThat(n.originalEnd(7)).isEqualTo(6);
    }

    @Test
    void supplementaryCharactersAreNormalisedAsCodePoints() {
        String s = "a \uD835\uDFCF\uD835\uDFD0 b \uD83D\uDE00";  // mathematical bold 1 2, then an emoji
        NormalizedText n = TextNormalizer.normalize(s);
        assertThat(n.toString()).isEqualTo("a 12 b \uD83D\uDE00");
        assertThat(n.originalStart(2)).isEqualTo(2);
        assertThat(n.originalEnd(4)).isEqualTo(6);
    }

    @Test
    void softHyphenAndByteOrderMarkAreDropped() {
        assertThat(TextNormalizer.normalize("\uFEFFAB\u00AD12").toString()).isEqualTo("AB12");
    }
}
