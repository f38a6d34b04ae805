package org.piiscanner.scanner.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.protect.TermKind;
import org.piiscanner.scanner.store.KeyMismatchException;
import org.piiscanner.scanner.testing.Fixtures;

class LocationIndexIT {

    private final Protector protector = Fixtures.protector();

    @TempDir
    Path dir;

    private ProtectedFinding found(EntityType type, String raw) {
        return protector.protect(Fixtures.finding(type, raw, 0));
    }

    @Test
    void aDocumentIsFoundByEachOfItsHashedTermsAndSaysWhichMatched() throws Exception {
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            List<ProtectedFinding> findings = List.of(found(EntityType.EMAIL_ADDRESS, "jane.smith@example.com"),
                    found(EntityType.PHONE_NUMBER, "020 7946 0018"), found(Fixtures.PERSON, "Jane Smith"),
                    found(EntityType.UK_NHS, "943 476 5919"));
            index.upsert(LocationDocument.of(7, 2, "hr/letter.docx", findings,
                    protector.wordTokenHashes("Dear Jane, your appointment is confirmed.")));
            index.commit();

            // the search side hashes what the DPO typed, differently spelled
            HashedTerm email = protector.valueTerm("EMAIL_ADDRESS", "Jane.Smith@EXAMPLE.com");
            HashedTerm phone = protector.valueTerm("PHONE_NUMBER", "+44 20 7946 0018");
            HashedTerm wrongPhone = protector.valueTerm("PHONE_NUMBER", "+44 20 7946 0019");
            List<HashedTerm> name = protector.nameTerms("SMITH, Jane");
            List<HashedTerm> word = protector.wordTerms("appointment");

            List<HashedTerm> query = new ArrayList<>(List.of(email, phone, wrongPhone));
            query.addAll(name);
            query.addAll(word);
            SearchResult result = index.search(query, 10);

            assertThat(result.totalHits()).isEqualTo(1);
            assertThat(result.totalIsExact()).isTrue();
            IndexHit hit = result.hits().getFirst();
            assertThat(hit.locationId()).isEqualTo(7);
            assertThat(hit.sourceId()).isEqualTo(2);
            assertThat(hit.path()).isEqualTo("hr/letter.docx");
            assertThat(hit.wordTokens()).isTrue();
            assertThat(hit.categories()).containsExactlyInAnyOrder(DataCategory.CONTACT, DataCategory.IDENTITY,
                    DataCategory.SPECIAL_CATEGORY);
            assertThat(hit.entityTypes()).containsExactly("EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER", "UK_NHS");
            Set<HashedTerm> expected = new HashSet<>(List.of(email, phone));
            expected.addAll(name);
            expected.addAll(word);
            assertThat(hit.matched()).containsExactlyInAnyOrderElementsOf(expected).doesNotContain(wrongPhone);
            float expectedScore = 0;
            for (HashedTerm t : expected) {
                expectedScore += t.kind().defaultWeight();
            }
            assertThat(hit.score()).isCloseTo(expectedScore, org.assertj.core.data.Offset.offset(1e-4f));

            assertThat(index.search(List.of(wrongPhone), 10).hits()).isEmpty();
            assertThat(index.search(List.of(), 10).totalHits()).isZero();
        }
    }

    @Test
    void moreEvidenceRanksHigherAndTiesGoByLocationId() throws Exception {
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            // 1: only the common name; 2: name + e-mail; 3: the e-mail alone; 4: same name, another person
            index.upsert(LocationDocument.of(1, 1, "a", List.of(found(Fixtures.PERSON, "Jane Smith")), null));
            index.upsert(LocationDocument.of(2, 1, "b", List.of(found(Fixtures.PERSON, "Smith, Jane"),
                    found(EntityType.EMAIL_ADDRESS, "jane.smith@example.com")), null));
            index.upsert(LocationDocument.of(3, 1, "c", List.of(found(EntityType.EMAIL_ADDRESS,
                    "jane.smith@example.com")), null));
            index.upsert(LocationDocument.of(4, 1, "d", List.of(found(Fixtures.PERSON, "Jane Smith")), null));
            index.upsert(LocationDocument.of(5, 1, "e", List.of(found(Fixtures.PERSON, "Jon Smyth")), null));
            index.commit();

            List<HashedTerm> query = new ArrayList<>(protector.nameTerms("Jane Smith"));
            query.add(protector.valueTerm("EMAIL_ADDRESS", "jane.smith@example.com"));
            List<IndexHit> hits = index.search(query, 10).hits();

            assertThat(hits).extracting(IndexHit::locationId).containsExactly(2L, 3L, 1L, 4L, 5L);
            assertThat(hits.get(4).matched()).allMatch(t -> t.kind() == TermKind.NAME_PHONETIC).isNotEmpty();
            assertThat(hits.get(1).matched()).extracting(HashedTerm::kind).containsExactly(TermKind.VALUE);
            assertThat(index.search(query, 2).hits()).extracting(IndexHit::locationId).containsExactly(2L, 3L);
            assertThat(index.search(query, 2).totalHits()).isEqualTo(5);

            Map<HashedTerm, Float> namesOnly = new LinkedHashMap<>();
            protector.nameTerms("Jane Smith").forEach(t -> namesOnly.put(t, 1f));
            assertThat(index.search(namesOnly, 10).hits()).extracting(IndexHit::locationId)
                    .containsExactly(1L, 2L, 4L, 5L);
            assertThatThrownBy(() -> index.search(Map.of(protector.valueTerm("URL", "x"), 0f), 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void requiredGroupsKeepOnlyLocationsHoldingATermOfEachAndMatchReturnsIdsAcrossSegments() throws Exception {
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            index.upsert(LocationDocument.of(1, 1, "a", List.of(found(Fixtures.PERSON, "Jane Smith")), null));
            index.commit(); // a segment of its own: matched terms are looked up per segment
            index.upsert(LocationDocument.of(2, 1, "b", List.of(found(Fixtures.PERSON, "Jane Jones")), null));
            index.upsert(LocationDocument.of(3, 1, "c", List.of(found(Fixtures.PERSON, "Jayne Smyth"),
                    found(EntityType.EMAIL_ADDRESS, "jane.smith@example.com")), null));
            index.upsert(LocationDocument.of(4, 1, "d", List.of(), protector.wordTokenHashes("smith and jane")));
            index.commit();

            var name = protector.nameQuery("Jane Smith");
            List<List<HashedTerm>> everyPart = new ArrayList<>();
            for (var token : name.tokens()) {
                List<HashedTerm> part = new ArrayList<>(List.of(token.token(), token.word()));
                part.addAll(token.phonetic());
                everyPart.add(part);
            }
            Map<HashedTerm, Float> weights = new LinkedHashMap<>();
            weights.put(name.full(), 4f);
            name.tokens().forEach(t -> weights.put(t.token(), 1f));
            HashedTerm email = protector.valueTerm("EMAIL_ADDRESS", "jane.smith@example.com");
            weights.put(email, 10f);

            // every part of the name, as a token, a phonetic key or a word: not 2 (Jones)
            LocationMatches parts = index.match(everyPart, weights, 10);
            assertThat(parts.matches()).extracting(LocationMatch::locationId).containsExactly(3L, 1L, 4L);
            assertThat(parts.totalHits()).isEqualTo(3);
            assertThat(parts.matches().getFirst().score()).isEqualTo(10f); // the e-mail; Jayne Smyth: no token
            assertThat(parts.matches().getFirst().matched()).contains(email)
                    .containsAll(name.tokens().getFirst().phonetic());
            assertThat(parts.matches().get(1).matched()).contains(name.full());
            assertThat(parts.matches().get(2).matched()).extracting(HashedTerm::kind).containsOnly(TermKind.WORD);

            // a group of anchors: only 1 (the whole name) and 3 (the e-mail); search gives the same with stored fields
            List<HashedTerm> anchors = List.of(name.full(), email);
            assertThat(index.match(List.of(anchors), weights, 10).matches()).extracting(LocationMatch::locationId)
                    .containsExactly(3L, 1L);
            assertThat(index.search(List.of(anchors), weights, 10).hits()).extracting(IndexHit::path)
                    .containsExactly("c", "a");
            assertThat(index.match(List.of(anchors), weights, 1).totalHits()).isEqualTo(2);
            assertThatThrownBy(() -> index.match(List.of(List.of()), weights, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void upsertReplacesAndDeleteRemoves() throws Exception {
        HashedTerm old = protector.valueTerm("UK_NINO", "QQ123456C");
        HashedTerm fresh = protector.valueTerm("UK_NINO", "QQ123456D");
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            index.upsert(LocationDocument.of(9, 1, "x", List.of(found(EntityType.UK_NINO, "QQ 12 34 56 C")), null));
            index.commit();
            index.upsert(LocationDocument.of(9, 1, "x", List.of(found(EntityType.UK_NINO, "QQ 12 34 56 D")), null));
            index.commit();
            assertThat(index.count()).isEqualTo(1);
            assertThat(index.holds(9, old)).isFalse();
            assertThat(index.holds(9, fresh)).isTrue();
            assertThat(index.get(9).orElseThrow().wordTokens()).isFalse();

            index.delete(9);
            index.commit();
            assertThat(index.count()).isZero();
            assertThat(index.get(9)).isEmpty();
        }
    }

    @Test
    void onlyCommittedChangesSurviveACloseOrCrash() throws Exception {
        HashedTerm nino = protector.valueTerm("UK_NINO", "QQ123456C");
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            index.upsert(LocationDocument.of(1, 1, "kept", List.of(found(EntityType.UK_NINO, "QQ123456C")), null));
            index.commit();
            index.upsert(LocationDocument.of(2, 1, "lost", List.of(found(EntityType.UK_NINO, "QQ123456C")), null));
            index.delete(1);
        }
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            assertThat(index.search(List.of(nino), 10).hits()).extracting(IndexHit::path).containsExactly("kept");
        }
    }

    @Test
    void aReaderSeesTheWritersCommitsAndCannotWrite() throws Exception {
        HashedTerm nino = protector.valueTerm("UK_NINO", "QQ123456C");
        try (LocationIndex writer = LocationIndex.open(dir, protector.keyId());
                LocationIndex reader = LocationIndex.openReadOnly(dir, protector.keyId())) {
            assertThat(reader.count()).isZero();
            writer.upsert(LocationDocument.of(1, 1, "a", List.of(found(EntityType.UK_NINO, "QQ123456C")), null));
            writer.commit();
            assertThat(reader.search(List.of(nino), 5).hits()).hasSize(1);
            assertThatThrownBy(() -> reader.delete(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anIndexBuiltUnderAnotherKeyIsRefused() throws Exception {
        try (LocationIndex index = LocationIndex.open(dir, protector.keyId())) {
            assertThat(index.count()).isZero();
        }
        String otherKey = Fixtures.protector(2).keyId();
        assertThatThrownBy(() -> LocationIndex.open(dir, otherKey)).isInstanceOf(KeyMismatchException.class)
                .hasMessageContaining(protector.keyId()).hasMessageContaining(otherKey);
        assertThatThrownBy(() -> LocationIndex.openReadOnly(dir, otherKey)).isInstanceOf(KeyMismatchException.class);
        try (LocationIndex again = LocationIndex.open(dir, protector.keyId())) {
            assertThat(again.count()).isZero();
        }
    }
}
