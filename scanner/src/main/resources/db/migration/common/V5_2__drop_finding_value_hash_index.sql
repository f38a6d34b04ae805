-- No query reads findings by value hash (subject searches go through the Lucene index, which holds the hashes),
-- while every finding written paid for an insert into this index at a random place: most of the store's write
-- cost in a database scan of millions of rows.
DROP INDEX finding_value_hash_ix;
