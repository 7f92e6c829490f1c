package fr.rep.caseengine.app.hashchain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * One row of {@code domain_event_entry} as stored, and the arithmetic of the chains. A row's digest covers every
 * column, each length-prefixed so that no two different rows encode to the same bytes; a link is
 * {@code SHA-256(previous link || row digest)}, and the first link of a chain follows 32 zero bytes.
 */
record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {

    /** The columns read, in the order {@link #read(ResultSet)} expects them, for {@code domain_event_entry e}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    static final int LINK_BYTES = 32;
    static final byte[] GENESIS = new byte[LINK_BYTES];

    /** Version of the encoding below, hashed first: a later encoding cannot collide with this one. */
    private static final byte ENCODING = 1;

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getLong("global_index"),
                row.getString("event_identifier"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("type"),
                row.getString("time_stamp"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getBytes("payload"),
                row.getBytes("meta_data"));
    }

    /** SHA-256 of the row's canonical bytes. */
    byte[] digest(MessageDigest sha256) {
        sha256.reset();
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
        sha256.update(ENCODING);
        sha256.update(number.putLong(0, globalIndex).array());
        text(sha256, eventIdentifier);
        text(sha256, aggregateIdentifier);
        sha256.update(number.putLong(0, sequenceNumber).array());
        text(sha256, type);
        text(sha256, timeStamp);
        text(sha256, payloadType);
        text(sha256, payloadRevision);
        bytes(sha256, payload);
        bytes(sha256, metaData);
        return sha256.digest();
    }

    static byte[] link(MessageDigest sha256, byte[] previous, byte[] rowDigest) {
        sha256.reset();
        sha256.update(previous);
        sha256.update(rowDigest);
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    private static void text(MessageDigest sha256, String value) {
        bytes(sha256, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length (4 bytes, -1 for SQL NULL) then the bytes. */
    private static void bytes(MessageDigest sha256, byte[] value) {
        int length = value == null ? -1 : value.length;
        sha256.update(
                new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (value != null) {
            sha256.update(value);
        }
    }

    /** Names the event; the generated form would print the payload arrays as object references. */
    @Override
    public String toString() {
        return "event " + eventIdentifier + " (global index " + globalIndex + ", " + aggregateIdentifier + " #"
                + sequenceNumber + ")";
    }
}
