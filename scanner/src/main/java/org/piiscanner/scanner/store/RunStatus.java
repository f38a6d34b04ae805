package org.piiscanner.scanner.store;

/**
 * The state of a scan run. A run killed without finishing stays {@link #RUNNING} until its job is restarted
 * ({@link FindingStore#reopenRun}) and finished.
 */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, STOPPED
}
