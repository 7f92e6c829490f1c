package fr.rep.caseengine.app.backup;

import fr.rep.caseengine.app.personaldata.MasterKeyLocation;
import fr.rep.caseengine.command.personaldata.ErasureJournal;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.ErasureReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The erasures, one line each, in {@value #FILE} beside the master key: kept and backed up with the key, apart from
 * the database and its backups, so that a database restored from a backup older than an erasure is told of it
 * ({@link ErasureListReplay}). Ids, a reason and a time only: nothing in it names or describes a person.
 */
@Component
class ErasureList implements ErasureJournal {

    static final String FILE = "erasures.csv";
    private static final String HEADER = "erased_at,case_id,subject_id,reason\n";

    /** One erasure the list holds. */
    record Entry(Instant erasedAt, CaseId caseId, SubjectId subject, ErasureReason reason) {}

    private final Path file;

    ErasureList(Environment environment) {
        this.file = MasterKeyLocation.of(Binder.get(environment)).resolveSibling(FILE);
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void record(CaseId caseId, SubjectId subject, ErasureReason reason, Instant erasedAt) {
        String line = erasedAt + "," + caseId.value() + "," + subject.value() + "," + reason.name() + "\n";
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                create();
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not add the erasure of " + subject + " to " + file + "; the erasure is not made", e);
        }
    }

    private void create() throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, HEADER, StandardCharsets.UTF_8);
    }

    /** Every erasure listed, oldest first; none when there is no list yet. */
    synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(",");
                if (line.isBlank() || line.startsWith("erased_at") || fields.length != 4) {
                    continue;
                }
                entries.add(new Entry(
                        Instant.parse(fields[0]),
                        new CaseId(UUID.fromString(fields[1])),
                        new SubjectId(UUID.fromString(fields[2])),
                        ErasureReason.valueOf(fields[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the erasure list " + file, e);
        }
        return entries;
    }
}
