package fr.rep.caseengine.app.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written last ({@value #FILE}): a directory without it is an unfinished backup.
 *
 * @param format        this layout's version
 * @param takenAt       when the snapshot was taken (the database's clock)
 * @param schemaVersion the last migration applied to the database copied: a restore migrates an empty database to it,
 *                      loads the rows, then applies the migrations the restoring app has beyond it
 * @param tables        every table copied, in the order they are loaded back
 * @param sequences     the sequences' positions, set back after loading
 */
record BackupManifest(int format, Instant takenAt, String schemaVersion, List<Table> tables, List<Sequence> sequences) {

    static final String FILE = "manifest.json";
    static final int FORMAT = 1;

    /**
     * One table's rows, in PostgreSQL's COPY text format.
     *
     * @param columns the columns copied, in the file's order (generated columns are computed again on loading)
     * @param sha256  of the file, checked before anything is loaded
     */
    record Table(String schema, String name, List<String> columns, long rows, String file, String sha256) {

        String qualified() {
            return quoted(schema) + "." + quoted(name);
        }

        String columnList() {
            return String.join(
                    ", ", columns.stream().map(BackupManifest::quoted).toList());
        }
    }

    /** @param lastValue null for a sequence never used */
    record Sequence(String schema, String name, Long lastValue) {}

    void write(Path directory) throws IOException {
        json().writeValue(directory.resolve(FILE).toFile(), this);
    }

    static BackupManifest read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!file.toFile().isFile()) {
            throw new IOException(directory + " holds no " + FILE + ": not a backup, or an unfinished one");
        }
        BackupManifest manifest = json().readValue(file.toFile(), BackupManifest.class);
        if (manifest.format() != FORMAT) {
            throw new IOException(
                    "Backup format " + manifest.format() + " is not " + FORMAT + ", the one this version " + "reads");
        }
        return manifest;
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
