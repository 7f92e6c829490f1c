package fr.rep.caseengine.query.rebuild;

/** A projection is rebuilt by one rebuild at a time, across every node of the database. */
public class RebuildAlreadyRunning extends RuntimeException {

    public RebuildAlreadyRunning(String name) {
        super("The projection '" + name + "' is already being rebuilt (on this node or another)");
    }
}
