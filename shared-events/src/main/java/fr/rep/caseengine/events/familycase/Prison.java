package fr.rep.caseengine.events.familycase;

/**
 * Prisons (établissements pénitentiaires) where the service supports families: the six of its two teams,
 * and those where it occasionally follows a family whose children live in its territory (no team's own).
 */
public enum Prison {
    MA_AMIENS("Maison d'arrêt d'Amiens", Team.SOMME_AISNE_OISE),
    CP_LAON("Centre pénitentiaire de Laon", Team.SOMME_AISNE_OISE),
    CP_LIANCOURT("Centre pénitentiaire de Liancourt", Team.SOMME_AISNE_OISE),
    CP_BEAUVAIS("Centre pénitentiaire de Beauvais", Team.SOMME_AISNE_OISE),
    MA_ARRAS("Maison d'arrêt d'Arras", Team.PAS_DE_CALAIS),
    CD_BAPAUME("Centre de détention de Bapaume", Team.PAS_DE_CALAIS),
    MAUBEUGE("Maubeuge"),
    POISSY("Poissy"),
    LONGUENESSE("Longuenesse"),
    DOUAI("Douai"),
    ROUEN("Rouen");

    private final String label;
    private final Team team;

    Prison(String label) {
        this(label, null);
    }

    Prison(String label, Team team) {
        this.label = label;
        this.team = team;
    }

    /** The team whose territory the prison is in, or {@code null} for a prison outside both teams' territories. */
    public Team team() {
        return team;
    }

    public String label() {
        return label;
    }
}
