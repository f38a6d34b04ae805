package org.piiscanner.scanner.subject;

import java.util.Collection;

/**
 * Re-reads database rows by key, read-only, for a subject request: to take the person's values for an export
 * ({@code subject export --with-values}) and to check that a row is gone after erasure ({@code subject verify}).
 *
 * <p>Implemented by the database scan, which knows how it rendered a row's key into the location path
 * ({@link RowLocation#key()}), how to quote the table's name and how to connect to the source with its credentials.
 * Register implementations as Spring beans; the subject package asks each in turn whether it {@link #reads} a source.
 * Without one, rows are reported as not verifiable and their values as unavailable (never as gone).
 *
 * <p>Contract: open the connection read-only ({@code Connection.setReadOnly(true)}, and a read-only transaction
 * where the database has one); select by the exact key with a bound parameter, never by concatenation; return
 * {@link RowContent.Missing} only when the query ran and found no row; throw {@link RowReadException} for anything
 * else (unreachable, refused, table gone, key unparseable). Implementations must be thread-safe and must not log
 * values. The caller closes nothing: an implementation owns its connections.
 */
public interface RowReader {

    /** True if this reader can read rows of the source with this locator (JDBC URL without credentials). */
    boolean reads(long sourceId, String source);

    /**
     * Reads one row by its key.
     *
     * @param row the row
     * @param columns the columns wanted (those the scan found personal data in); the reader may return more
     * @return the row's values, or {@link RowContent.Missing} if no row has the key
     * @throws RowReadException if the row could not be read
     */
    RowContent read(RowLocation row, Collection<String> columns) throws RowReadException;
}
