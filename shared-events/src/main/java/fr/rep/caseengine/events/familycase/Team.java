package fr.rep.caseengine.events.familycase;

/** The service's territorial teams (antennes); every case belongs to one. */
public enum Team {
    SOMME_AISNE_OISE("Somme–Aisne–Oise"),
    PAS_DE_CALAIS("Pas-de-Calais");

    private final String label;

    Team(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
