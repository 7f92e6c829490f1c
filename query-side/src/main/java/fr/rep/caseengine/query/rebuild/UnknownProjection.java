package fr.rep.caseengine.query.rebuild;

/** No rebuildable projection has this name (a processing group with a schema of its own). */
public class UnknownProjection extends RuntimeException {

    public UnknownProjection(String name) {
        super("There is no projection named '" + name + "' that can be rebuilt");
    }
}
