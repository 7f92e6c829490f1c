package fr.rep.caseengine.app.browser;

import fr.rep.caseengine.app.ProjectRoot;
import java.nio.file.Path;

/** Where the browser tests keep the current screenshots: {@code docs/screenshots/} of the project. */
public final class Screenshots {

    public static final Path DIRECTORY = ProjectRoot.path().resolve("docs").resolve("screenshots");

    private Screenshots() {}
}
