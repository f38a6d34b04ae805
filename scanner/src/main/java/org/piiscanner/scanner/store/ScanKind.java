package org.piiscanner.scanner.store;

/** What a run scans and what a source is: a file tree or a database. */
public enum ScanKind {
    FILES, DB
}
