-- H2 only. An identity column hands out ids from a cache of 32 by default, and each time the cache runs out H2
-- commits the sequence in a system transaction, which stores every unsaved page of the database (WRITE_DELAY=0).
-- A row scan inserts a location and several findings per row, so with the default cache the store was written out
-- every few rows: most of a database scan's time. Ids of a crashed process's unused cache are skipped (gaps only).
ALTER TABLE scan_location ALTER COLUMN id SET CACHE 10000;
ALTER TABLE finding ALTER COLUMN id SET CACHE 10000;
