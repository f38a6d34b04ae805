package org.piiscanner.scanner.subject;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of an erasure verification ({@code subject verify}): every location the request found, and every
 * location a new search finds, re-read at its source now.
 *
 * @param requestId the request
 * @param requestedAt when the request's search ran
 * @param requestedBy who ran it
 * @param verifiedAt when the locations were re-read
 * @param verifiedBy who verified (operating-system user)
 * @param hmacKeyId the HMAC key the identifiers are hashed under
 * @param signingKeyId the key that signs the report
 * @param identifiers the request's identifiers (type and audit hash)
 * @param verdict the overall verdict
 * @param tally locations by status
 * @param searchTruncated true if searching again hit the result limit (some locations may not be listed)
 * @param locations every location checked, request results first (in rank order), then new ones
 */
public record ErasureReport(long requestId, Instant requestedAt, String requestedBy, Instant verifiedAt,
        String verifiedBy, String hmacKeyId, String signingKeyId, List<IdentifierHash> identifiers, Verdict verdict,
        Tally tally, boolean searchTruncated, List<LocationCheck> locations) {

    public ErasureReport {
        identifiers = List.copyOf(identifiers);
        locations = List.copyOf(locations);
    }

    /** The overall verdict. */
    public enum Verdict {
        /**
         * Every location was re-read and holds none of the person's data any more, or no longer exists (locations
         * the DPO excluded as another person's aside).
         */
        GONE,
        /** At least one location still holds the person's data. */
        STILL_PRESENT,
        /** Nothing was found still present, but some locations could not be re-read: no proof of erasure. */
        INCOMPLETE
    }

    /** What re-reading one location showed. */
    public enum Status {
        /** Re-read: it no longer holds the person's data (score under the request's minimum). */
        GONE,
        /** Re-read: it still holds the person's data. */
        STILL_PRESENT,
        /** The location itself no longer exists: file deleted, document gone from its container, row deleted. */
        LOCATION_MISSING,
        /** It could not be re-read (source unreachable, permission denied, encrypted, no row reader). */
        UNVERIFIED,
        /**
         * Not checked: the DPO established that it holds another person's data (a namesake), and said so with
         * {@code --exclude}; the report records the decision.
         */
        EXCLUDED
    }

    /**
     * An identifier of the request, as the report names it.
     *
     * @param number its number in the request
     * @param type its type
     * @param hash its audit hash (value hash, or whole-name hash)
     */
    public record IdentifierHash(int number, String type, String hash) {
    }

    /**
     * One location checked.
     *
     * @param location the location
     * @param foundBy {@code request} (a result of the request) or {@code search again} (found only now)
     * @param matchedAtRequest the identifier types it matched at the request (empty for new locations)
     * @param status what re-reading it showed
     * @param detail the reason for the status, e.g. {@code file deleted}, {@code row deleted}, {@code re-read}
     * @param stillMatched the identifier types its current content holds
     * @param score its current evidence score
     * @param indexed whether the index (as of the last scan) still lists it for the person
     */
    public record LocationCheck(SubjectLocation location, String foundBy, List<String> matchedAtRequest,
            Status status, String detail, List<String> stillMatched, double score, boolean indexed) {

        public LocationCheck {
            matchedAtRequest = List.copyOf(matchedAtRequest);
            stillMatched = List.copyOf(stillMatched);
        }
    }

    /**
     * Locations by status.
     *
     * @param gone re-read, the data is gone
     * @param missing the location no longer exists
     * @param present the data is still there
     * @param unverified could not be re-read
     * @param excluded excluded by the DPO as another person's data
     * @param newLocations found only by searching again (counted in the other tallies too)
     */
    public record Tally(int gone, int missing, int present, int unverified, int excluded, int newLocations) {

        /** All locations listed. */
        public int total() {
            return gone + missing + present + unverified + excluded;
        }
    }
}
