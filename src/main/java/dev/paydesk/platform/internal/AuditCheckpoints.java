package dev.paydesk.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the audit chain, written outside the database: the head's position and hash
 * and where keyed hashing starts, HMAC-signed with the audit key, one file per checkpoint in
 * {@code paydesk.audit.checkpoint-dir} (default {@code ~/.paydesk/audit-checkpoints}). Verification
 * checks the chain against every checkpoint, so a chain rewritten or cut below a checkpoint fails
 * even if every hash in the database was recomputed.
 */
final class AuditCheckpoints {

    /** One checkpoint as stored. */
    record Checkpoint(long seq, String hash, @Nullable Long keyedFrom, String writtenAt, String signature) {

        String signedContent() {
            return "paydesk-audit-checkpoint\n" + seq + "\n" + hash + "\n" + (keyedFrom == null ? "-" : keyedFrom);
        }
    }

    /** A checkpoint file and what was read from it (empty when it is not a readable checkpoint). */
    record Stored(Path file, Optional<Checkpoint> checkpoint) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final AuditKeys keys;
    private final Clock clock;

    AuditCheckpoints(Path dir, AuditKeys keys, Clock clock) {
        this.dir = dir.toAbsolutePath();
        this.keys = keys;
        this.clock = clock;
    }

    Path directory() {
        return dir;
    }

    /**
     * Moves the checkpoints into a subdirectory (kept, no longer checked): after a re-anchoring they
     * describe the chain as it was before. Returns the subdirectory, or null when there were none.
     */
    @Nullable String archive(String name) {
        List<Stored> stored = read();
        if (stored.isEmpty()) {
            return null;
        }
        try {
            Path target = Files.createDirectories(dir.resolve(name));
            for (Stored s : stored) {
                Files.move(s.file(), target.resolve(s.file().getFileName()));
            }
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not archive the audit checkpoints in " + dir, e);
        }
    }

    /** Writes a checkpoint of the committed head unless the newest checkpoint already has it. */
    Optional<Checkpoint> write(JdbcClient jdbc) {
        record Head(long seq, String hash, @Nullable Long keyedFrom) {
        }
        Head head = jdbc.sql("select last_seq, last_hash, keyed_from from platform_audit_head where id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).single();
        if (head.seq() == 0 || read().stream().flatMap(s -> s.checkpoint().stream()).anyMatch(c -> c.seq() == head.seq())) {
            return Optional.empty();
        }
        Checkpoint unsigned = new Checkpoint(head.seq(), head.hash(), head.keyedFrom(), clock.instant().toString(), "");
        Checkpoint signed = new Checkpoint(head.seq(), head.hash(), head.keyedFrom(), unsigned.writtenAt(),
                keys.checkpointSignature(unsigned.signedContent()));
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temp = Files.createTempFile(dir, ".checkpoint", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, JSON.writeValueAsBytes(signed));
            Files.move(temp, dir.resolve(String.format("checkpoint-%020d.json", head.seq())),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an audit checkpoint to " + dir, e);
        }
        return Optional.of(signed);
    }

    /** Every checkpoint file, oldest first. */
    List<Stored> read() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json")).sorted()
                    .map(f -> new Stored(f, parse(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the audit checkpoints in " + dir, e);
        }
    }

    /** Whether the checkpoint carries a valid signature by the audit key. */
    boolean authentic(Checkpoint checkpoint) {
        return java.security.MessageDigest.isEqual(
                keys.checkpointSignature(checkpoint.signedContent()).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                checkpoint.signature().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Optional<Checkpoint> parse(Path file) {
        try {
            Checkpoint c = JSON.readValue(Files.readAllBytes(file), Checkpoint.class);
            return c.hash() == null || c.signature() == null ? Optional.empty() : Optional.of(c);
        } catch (IOException | tools.jackson.core.JacksonException e) {
            return Optional.empty();
        }
    }
}
