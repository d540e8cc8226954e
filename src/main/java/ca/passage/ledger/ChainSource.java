package ca.passage.ledger;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What the verifier reads: the database or an export file. */
interface ChainSource extends AutoCloseable {

    /** The records in stored order (by sequence number for the database, line order for a file). */
    Iterator<LedgerRecord> records() throws Exception;

    /** The stored sequence number of a record whose hash is {@code hash}. */
    OptionalLong seqOfHash(String hash) throws Exception;

    boolean hasSeq(long seq) throws Exception;

    long count() throws Exception;

    /** The head recorded beside the events (chain head row, export header), if any. */
    Optional<LedgerRecord> recordedHead() throws Exception;

    List<Checkpoint> checkpoints() throws Exception;

    /** The sequence number of the last checkpoint as recorded beside the events (the chain head row), if any. */
    default OptionalLong recordedLastCheckpointSeq() throws Exception {
        return OptionalLong.empty();
    }

    @Override
    void close() throws Exception;
}
