-- The primary's WAL position (pg_current_wal_lsn() - '0/0') after the last write of each user whose requests carry
-- no session (API tokens, HTTP Basic): with a read replica, that user's reads, on whichever instance, go to the
-- primary until the replica has replayed it (ReplicaReads, docs/operations.md "A read replica").
CREATE TABLE replica_read_fences (
    username     VARCHAR(50) NOT NULL,
    wal_position BIGINT      NOT NULL,
    noted_at     TIMESTAMP   NOT NULL,
    CONSTRAINT pk_replica_read_fences PRIMARY KEY (username)
);
