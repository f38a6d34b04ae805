-- The file scan's work list: every file the walk of a run's roots found, in walk order, with the partition that
-- scans it. The walk step writes it once per run (a restarted run keeps it), and each partition's reader pages
-- through its own rows by seq, so a restarted partition resumes after the last committed chunk. Holds paths and
-- sizes only, as scan_location does. Rows of a run are deleted when the run completes.
CREATE TABLE file_scan_item (
    run_id          BIGINT        NOT NULL,
    seq             BIGINT        NOT NULL,          -- walk order within the run, from 1
    partition_no    INTEGER       NOT NULL,          -- 0 .. grid size - 1
    source_id       BIGINT        NOT NULL,
    root_dir        VARCHAR(4000) NOT NULL,          -- the source's root directory (absolute)
    rel_path        VARCHAR(4000) NOT NULL,          -- the file, relative to the root, '/'-separated
    size_bytes      BIGINT        NOT NULL,
    modified_millis BIGINT        NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE INDEX file_scan_item_partition ON file_scan_item (run_id, partition_no, seq);

-- The size and modification time of the content a location was skipped for (recordSkipped keeps the fingerprint
-- of the last successful scan in size_bytes/modified_millis): a later scan finding the same content records the
-- same skip without reading it again, for reasons that depend on the content alone (encrypted, no text...).
ALTER TABLE scan_location ADD COLUMN skipped_size BIGINT;
ALTER TABLE scan_location ADD COLUMN skipped_modified_millis BIGINT;
