package org.piiscanner.scanner.store;

/**
 * Filters for {@link FindingStore#listLocations}; null fields do not filter.
 *
 * @param runId locations whose current outcome was recorded by this run
 * @param sourceId locations of this source
 * @param outcome locations with this outcome
 * @param skipReason skipped locations with this reason
 */
public record LocationQuery(Long runId, Long sourceId, Outcome outcome, SkipReason skipReason) {

    /** Every location. */
    public static LocationQuery all() {
        return new LocationQuery(null, null, null, null);
    }

    /** Locations whose current outcome run {@code runId} recorded. */
    public static LocationQuery ofRun(long runId) {
        return new LocationQuery(runId, null, null, null);
    }

    public LocationQuery withSource(long id) {
        return new LocationQuery(runId, id, outcome, skipReason);
    }

    public LocationQuery withOutcome(Outcome o) {
        return new LocationQuery(runId, sourceId, o, skipReason);
    }

    public LocationQuery withSkipReason(SkipReason r) {
        return new LocationQuery(runId, sourceId, outcome, r);
    }
}
