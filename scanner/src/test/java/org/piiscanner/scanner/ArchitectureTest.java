package org.piiscanner.scanner;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.report.CoverageContributor;
import org.piiscanner.scanner.report.CoverageNote;
import org.piiscanner.scanner.subject.RowContent;
import org.piiscanner.scanner.subject.RowLocation;
import org.piiscanner.scanner.subject.RowReadException;
import org.piiscanner.scanner.subject.RowReader;
import org.piiscanner.scanner.store.IndexableLocation;
import org.piiscanner.scanner.store.StoredFinding;
import org.piiscanner.scanner.protect.KeyedHasher;

/** The scanner's package boundaries (see the package documentation of {@code org.piiscanner.scanner}). */
@AnalyzeClasses(packages = "org.piiscanner.scanner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardStreams = noClasses()
            .that().resideOutsideOfPackage("org.piiscanner.scanner.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("standard output carries command results (tables, JSON lines): only the cli package decides "
                    + "what is printed; everything else logs, and logs go to standard error");

    @ArchTest
    static final ArchRule onlyExtractionUsesTika = noClasses()
            .that().resideOutsideOfPackage("org.piiscanner.scanner.extraction..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.tika..")
            .because("document formats are the extraction package's business");

    @ArchTest
    static final ArchRule onlyTheIndexUsesLucene = noClasses()
            .that().resideOutsideOfPackage("org.piiscanner.scanner.index..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
            .because("the keyed-hash index is the index package's business");

    @ArchTest
    static final ArchRule nothingDependsOnTheCli = noClasses()
            .that().resideInAnyPackage("org.piiscanner.scanner.config..", "org.piiscanner.scanner.detect..",
                    "org.piiscanner.scanner.extraction..", "org.piiscanner.scanner.protect..",
                    "org.piiscanner.scanner.store..", "org.piiscanner.scanner.index..",
                    "org.piiscanner.scanner.report..", "org.piiscanner.scanner.subject..",
                    "org.piiscanner.scanner.scan..")
            .should().dependOnClassesThat().resideInAPackage("org.piiscanner.scanner.cli..")
            .because("data flows one way: the cli drives the features, never the other way round");

    @ArchTest
    static final ArchRule scanJobsKnowNoDocumentFormatsOrIndexInternals = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.scan..")
            .should().dependOnClassesThat(resideInAnyPackage("org.apache.tika..", "org.apache.lucene..",
                    "org.piiscanner.scanner.cli..", "org.piiscanner.scanner.report..",
                    "org.piiscanner.scanner.subject..")
                    .and(not(assignableTo(RowReader.class).or(assignableTo(CoverageContributor.class))
                            .or(belongToAnyOf(RowLocation.class, RowContent.class, RowReadException.class,
                                    CoverageNote.class)))))
            .because("a scan job wires extraction, detection, protection, store and index; it parses nothing, "
                    + "prints nothing, and knows nothing of what reads its results beyond the two interfaces "
                    + "it serves them through (RowReader for subject requests, CoverageContributor for reports)");

    @ArchTest
    static final ArchRule nothingButTheCliDrivesTheScanJobs = noClasses()
            .that().resideInAnyPackage("org.piiscanner.scanner.config..", "org.piiscanner.scanner.detect..",
                    "org.piiscanner.scanner.extraction..", "org.piiscanner.scanner.protect..",
                    "org.piiscanner.scanner.store..", "org.piiscanner.scanner.index..",
                    "org.piiscanner.scanner.report..", "org.piiscanner.scanner.subject..")
            .should().dependOnClassesThat().resideInAPackage("org.piiscanner.scanner.scan..")
            .because("data flows one way: the scan jobs use the components, never the other way round");

    @ArchTest
    static final ArchRule extractionKnowsNothingOfDetection = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.extraction..")
            .should().dependOnClassesThat().resideInAnyPackage("org.piiscanner.classifiers..",
                    "org.piiscanner.scanner.detect..", "org.piiscanner.scanner.config..")
            .because("extraction turns documents into text and nothing more");

    @ArchTest
    static final ArchRule onlyTheDatabaseScanConnectsToScannedDatabases = noClasses()
            .that().resideOutsideOfPackage("org.piiscanner.scanner.scan.db..")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("java.sql.DriverManager",
                                    o -> o.getName().equals("java.sql.DriverManager")))))
            .because("scanned databases are opened read-only, with credentials from a variable or a secrets file, "
                    + "by the database scan alone (DbSource); the findings store uses its pooled DataSource");

    @ArchTest
    static final ArchRule theDatabaseScanReadsNoFiles = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.scan.db..")
            .should().dependOnClassesThat().resideInAnyPackage("org.piiscanner.scanner.extraction..",
                    "org.apache.tika..", "org.apache.lucene..")
            .because("the database scan turns rows into findings through the protector and the store; documents "
                    + "and the index internals are other packages' business");

    @ArchTest
    static final ArchRule onlyTheProtectorReadsRawValues = noClasses()
            .that().resideOutsideOfPackages("org.piiscanner.scanner.protect..", "org.piiscanner.scanner.cli..")
            .should().callMethod(Finding.class, "sensitiveValue")
            .because("the protect package is the one place raw values become hashes (the cli prints them only "
                    + "for an explicit --show-values)");

    @ArchTest
    static final ArchRule protectIsPlainJava = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.protect..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "org.piiscanner.scanner.store..", "org.piiscanner.scanner.index..",
                    "org.piiscanner.scanner.config..")
            .because("scanners and the subject search share the protector: it depends on nothing they do not");

    @ArchTest
    static final ArchRule theStoreKnowsNothingOfTheIndex = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.piiscanner.scanner.index..",
                    "org.piiscanner.scanner.config..")
            .because("the store is the system of record; the index is derived from it, not the other way round");

    @ArchTest
    static final ArchRule reportsNeverSeeAHash = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.piiscanner.scanner.protect..",
                    "org.piiscanner.scanner.index..", "org.piiscanner.scanner.extraction..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(StoredFinding.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(IndexableLocation.class.getName())
            .because("auditors must not be able to look people up: reports read finding digests (no keyed hash, no "
                    + "name terms) and never the protector, the index or the documents");

    @ArchTest
    static final ArchRule subjectRequestsSearchThroughTheProtector = noClasses()
            .that().resideInAPackage("org.piiscanner.scanner.subject..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.piiscanner.scanner.protect.ValueNormalizer")
            .orShould().callMethod(KeyedHasher.class, "base64Url", String.class, CharSequence.class)
            .orShould().callMethod(KeyedHasher.class, "base64Url", String.class, CharSequence.class, int.class)
            .because("a subject search must normalise and hash what it is asked exactly as the scanners did what "
                    + "they found: through the Protector, never on its own");
}
