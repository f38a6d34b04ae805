package org.piiscanner.scanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocationPathTest {

    @Test
    void segmentsDisplayJoinedAndNestedEntriesKeepTheirRoot() {
        LocationPath path = LocationPath.of("hr/2021.zip", "letters/offer.docx").child("word/media/image1.png");
        assertThat(path.display()).isEqualTo("hr/2021.zip!/letters/offer.docx!/word/media/image1.png");
        assertThat(path.root()).isEqualTo("hr/2021.zip");
        assertThat(path.depth()).isEqualTo(2);
        assertThat(path.toString()).isEqualTo(path.display());
        assertThat(LocationPath.of("a.txt").depth()).isZero();
    }

    @Test
    void keysIdentifySegmentsAndSourceNotTheDisplayedString() {
        LocationPath a = LocationPath.of("a!/b");
        LocationPath b = LocationPath.of("a", "b");
        assertThat(a.display()).isEqualTo(b.display());
        assertThat(a.key(1)).isNotEqualTo(b.key(1)).hasSize(64);
        assertThat(b.key(1)).isNotEqualTo(b.key(2));
        assertThat(b.rootKey(1)).isEqualTo(LocationPath.of("a").rootKey(1)).isEqualTo(LocationPath.of("a").rootKey(1));
        assertThat(b.key(1)).isEqualTo(new LocationPath(List.of("a", "b")).key(1));
    }

    @Test
    void descendantPatternsEscapeLikeWildcards() {
        assertThat(FindingStore.descendantsPattern(LocationPath.of("50%_off\\x.zip")))
                .isEqualTo("50\\%\\_off\\\\x.zip!/%");
    }

    @Test
    void rejectsEmptyPaths() {
        assertThatThrownBy(() -> new LocationPath(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocationPath.of("a", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
