package fr.rep.caseengine.events.familycase;

/**
 * Prisons (établissements pénitentiaires) where the service supports families: the six of its two teams,
 * and those where it occasionally follows a family whose children live in its territory.
 */
public enum Prison {
    MA_AMIENS("Maison d'arrêt d'Amiens"),
    CP_LAON("Centre pénitentiaire de Laon"),
    CP_LIANCOURT("Centre pénitentiaire de Liancourt"),
    CP_BEAUVAIS("Centre pénitentiaire de Beauvais"),
    MA_ARRAS("Maison d'arrêt d'Arras"),
    CD_BAPAUME("Centre de détention de Bapaume"),
    MAUBEUGE("Maubeuge"),
    POISSY("Poissy"),
    LONGUENESSE("Longuenesse"),
    DOUAI("Douai"),
    ROUEN("Rouen");

    private final String label;

    Prison(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
