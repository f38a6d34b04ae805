package org.piiscanner.classifiers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the detection library plain Java: the third of the three guards (Maven graph, enforcer, this test). */
class ArchitectureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.piiscanner.classifiers");

    @Test
    void classifiersDependOnNoFrameworkExtractorIndexOrJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.tika..", "org.apache.lucene..", "java.sql..",
                        "javax.sql..", "jakarta..", "org.piiscanner.scanner..")
                .because("classifiers is a plain-Java library usable without the scanner application")
                .check(LIBRARY);
    }

    @Test
    void noJavaSerializationOrDefaultCharsetReaders() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .because("Java serialization is a security hazard and FileReader/FileWriter use the platform charset")
                .check(LIBRARY);
    }

    @Test
    void onlyTheLibraryItselfCreatesThreads() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .because("the library is called from the scanner's bounded pools and must not start its own")
                .check(LIBRARY);
    }
}
