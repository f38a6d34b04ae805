package org.piiscanner.scanner.subject;

/** What an audit log entry records. */
public enum AuditAction {
    /** A subject search ({@code subject find}): identifier hashes and result counts. */
    SUBJECT_FIND,
    /** An export of a request's results ({@code subject export}), with or without values. */
    SUBJECT_EXPORT,
    /** An erasure verification ({@code subject verify}): verdict, tallies and the signed report's hash. */
    SUBJECT_VERIFY
}
