package fr.rep.caseengine.app.database;

import java.nio.file.Path;

/**
 * Where the database this app started keeps its files, when the app started it (the embedded PostgreSQL): known here
 * without asking the server, whose app role may not read {@code data_directory}.
 */
public record LocalDatabaseDirectory(Path path) {}
