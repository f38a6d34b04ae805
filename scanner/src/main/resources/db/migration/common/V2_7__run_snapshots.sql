-- Run snapshots: what each location of a source held at the end of a completed run, by entity type, so that a
-- report can say what changed since the previous run (scan_location and finding keep the latest state only:
-- a rescan replaces a location's findings, a deletion removes them). Written by FindingStore.finishRun for
-- COMPLETED runs; the two newest snapshots of each source are kept. Counts and type names only: no preview, no
-- hash, no offset.
--
-- Numbered 2.7 (issue 7) rather than 3 so that it cannot collide with migrations of branches developed at the
-- same time; Flyway orders 2 < 2.7 < 3.

-- One row per (run, source) snapshot taken, also when the source held no personal data at all.
CREATE TABLE run_snapshot (
    run_id     BIGINT NOT NULL REFERENCES scan_run (id),
    source_id  BIGINT NOT NULL REFERENCES scan_source (id),
    taken_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    locations  BIGINT NOT NULL,                       -- locations of the source seen by the run (not deleted)
    PRIMARY KEY (run_id, source_id)
);

-- Findings per location and entity type (and category set) at the end of the run. Locations are
-- scan_location ids, which outlive deletion (the row stays, outcome DELETED).
CREATE TABLE run_snapshot_type (
    run_id               BIGINT       NOT NULL,
    source_id            BIGINT       NOT NULL,
    location_id          BIGINT       NOT NULL,
    entity_type          VARCHAR(64)  NOT NULL,
    category             VARCHAR(32)  NOT NULL,
    secondary_categories VARCHAR(256) NOT NULL,
    special_categories   VARCHAR(256) NOT NULL,
    findings             INTEGER      NOT NULL
);
CREATE INDEX run_snapshot_type_ix ON run_snapshot_type (run_id, source_id);
