package org.piiscanner.classifiers.config;

/** What to do with documented examples, published test numbers and reserved ranges. */
public enum TestValuePolicy {
    /** Report them with {@code testValue = true} (code, fixtures, test data: still worth knowing). */
    REPORT,
    /** Drop them (production data: they are not real people). */
    SUPPRESS
}
