package org.piiscanner.classifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Lucene-style conformance: every detector class is registered, tested and well-formed, and every built-in entity
 * type has a detector. Adding a detector = one class + one test; this test fails if either is missing.
 */
class DetectorConformanceTest {

    private static final Set<String> CONFIGURED_ONLY = Set.of("RegexDetector", "DenyListDetector");

    private final DetectorRegistry registry = DetectorRegistry.load();

    @Test
    void everyDetectorClassIsRegistered() {
        Set<String> implementations = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.piiscanner.classifiers.detectors")) {
            if (c.isAssignableTo(Detector.class) && !c.isInterface() && !c.getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                    && !CONFIGURED_ONLY.contains(c.getSimpleName())) {
                implementations.add(c.getName());
            }
        }
        Set<String> registered = new TreeSet<>();
        registry.detectors().forEach(d -> registered.add(d.getClass().getName()));
        assertThat(registered).as("classes in META-INF/services/org.piiscanner.classifiers.Detector")
                .isEqualTo(implementations);
    }

    @Test
    void everyDetectorHasItsOwnTest() {
        for (Detector d : registry.detectors()) {
            String test = d.getClass().getName() + "Test";
            assertThat(exists(test)).as("test class %s for detector '%s'", test, d.id()).isTrue();
        }
    }

    @Test
    void everyBuiltInTypeHasADetector() {
        Set<EntityType> emitted = new HashSet<>();
        registry.detectors().forEach(d -> emitted.addAll(d.entityTypes()));
        assertThat(emitted).containsAll(EntityType.builtIns());
    }

    @Test
    void detectorsAreWellFormed() {
        for (Detector d : registry.detectors()) {
            assertThat(d.triggers()).as("%s triggers", d.id()).isNotEmpty();
            List<String> names = d.patterns().stream().map(ScoredPattern::name).toList();
            assertThat(names).as("%s pattern names", d.id()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(d.entityTypes()).as("%s types", d.id()).allMatch(EntityType::isBuiltIn);
            assertThat(d.configure(java.util.Map.of())).as("%s with no options", d.id()).isNotNull();
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, DetectorConformanceTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
