package fr.rep.caseengine.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root directory (where mvnw is), for tests that write files the repository keeps under docs/. */
public final class ProjectRoot {

    private ProjectRoot() {}

    /** The tests run from the module's directory under Maven, from the project's in some IDEs. */
    public static Path path() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException(
                    "no project root (with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
