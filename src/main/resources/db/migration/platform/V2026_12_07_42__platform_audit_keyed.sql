-- Keyed audit hashing: the sequence number of the marker entry from which entries carry HMAC-SHA256
-- hashes under a key the database never holds (earlier entries keep their plain SHA-256 hashes).
-- Null until the first append after the upgrade writes the marker. A convenience for writers only:
-- verification finds the marker in the chain and checks it against the signed checkpoints.
alter table platform_audit_head add column keyed_from bigint;
