package fr.rep.caseengine.app.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the browser tests keep the current screenshots: {@code docs/screenshots/} of the project. */
public final class Screenshots {

    public static final Path DIRECTORY = projectRoot().resolve("docs").resolve("screenshots");

    private Screenshots() {
    }

    /** The tests run from the module's directory under Maven, from the project's in some IDEs. */
    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no project root (with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
