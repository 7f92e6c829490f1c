package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.ReferrerType;
import java.util.Map;
import java.util.TreeMap;

/** The report's words in French, as funders read them: départements, referrers, housing types, buckets. */
final class FrenchLabels {

    static final String UNKNOWN_DEPARTMENT = "Inconnu";

    private static final Map<String, String> DEPARTMENTS = new TreeMap<>();

    static {
        String[] names = {
            "01",
            "Ain",
            "02",
            "Aisne",
            "03",
            "Allier",
            "04",
            "Alpes-de-Haute-Provence",
            "05",
            "Hautes-Alpes",
            "06",
            "Alpes-Maritimes",
            "07",
            "Ardèche",
            "08",
            "Ardennes",
            "09",
            "Ariège",
            "10",
            "Aube",
            "11",
            "Aude",
            "12",
            "Aveyron",
            "13",
            "Bouches-du-Rhône",
            "14",
            "Calvados",
            "15",
            "Cantal",
            "16",
            "Charente",
            "17",
            "Charente-Maritime",
            "18",
            "Cher",
            "19",
            "Corrèze",
            "20",
            "Corse",
            "2A",
            "Corse-du-Sud",
            "2B",
            "Haute-Corse",
            "21",
            "Côte-d'Or",
            "22",
            "Côtes-d'Armor",
            "23",
            "Creuse",
            "24",
            "Dordogne",
            "25",
            "Doubs",
            "26",
            "Drôme",
            "27",
            "Eure",
            "28",
            "Eure-et-Loir",
            "29",
            "Finistère",
            "30",
            "Gard",
            "31",
            "Haute-Garonne",
            "32",
            "Gers",
            "33",
            "Gironde",
            "34",
            "Hérault",
            "35",
            "Ille-et-Vilaine",
            "36",
            "Indre",
            "37",
            "Indre-et-Loire",
            "38",
            "Isère",
            "39",
            "Jura",
            "40",
            "Landes",
            "41",
            "Loir-et-Cher",
            "42",
            "Loire",
            "43",
            "Haute-Loire",
            "44",
            "Loire-Atlantique",
            "45",
            "Loiret",
            "46",
            "Lot",
            "47",
            "Lot-et-Garonne",
            "48",
            "Lozère",
            "49",
            "Maine-et-Loire",
            "50",
            "Manche",
            "51",
            "Marne",
            "52",
            "Haute-Marne",
            "53",
            "Mayenne",
            "54",
            "Meurthe-et-Moselle",
            "55",
            "Meuse",
            "56",
            "Morbihan",
            "57",
            "Moselle",
            "58",
            "Nièvre",
            "59",
            "Nord",
            "60",
            "Oise",
            "61",
            "Orne",
            "62",
            "Pas-de-Calais",
            "63",
            "Puy-de-Dôme",
            "64",
            "Pyrénées-Atlantiques",
            "65",
            "Hautes-Pyrénées",
            "66",
            "Pyrénées-Orientales",
            "67",
            "Bas-Rhin",
            "68",
            "Haut-Rhin",
            "69",
            "Rhône",
            "70",
            "Haute-Saône",
            "71",
            "Saône-et-Loire",
            "72",
            "Sarthe",
            "73",
            "Savoie",
            "74",
            "Haute-Savoie",
            "75",
            "Paris",
            "76",
            "Seine-Maritime",
            "77",
            "Seine-et-Marne",
            "78",
            "Yvelines",
            "79",
            "Deux-Sèvres",
            "80",
            "Somme",
            "81",
            "Tarn",
            "82",
            "Tarn-et-Garonne",
            "83",
            "Var",
            "84",
            "Vaucluse",
            "85",
            "Vendée",
            "86",
            "Vienne",
            "87",
            "Haute-Vienne",
            "88",
            "Vosges",
            "89",
            "Yonne",
            "90",
            "Territoire de Belfort",
            "91",
            "Essonne",
            "92",
            "Hauts-de-Seine",
            "93",
            "Seine-Saint-Denis",
            "94",
            "Val-de-Marne",
            "95",
            "Val-d'Oise",
            "971",
            "Guadeloupe",
            "972",
            "Martinique",
            "973",
            "Guyane",
            "974",
            "La Réunion",
            "975",
            "Saint-Pierre-et-Miquelon",
            "976",
            "Mayotte"
        };
        for (int i = 0; i < names.length; i += 2) {
            DEPARTMENTS.put(names[i], names[i + 1]);
        }
    }

    private FrenchLabels() {}

    /** The département's French name; {@link #UNKNOWN_DEPARTMENT} for a null code. */
    static String department(String code) {
        return code == null ? UNKNOWN_DEPARTMENT : DEPARTMENTS.getOrDefault(code, code);
    }

    /** A group of the published grouping: a département's name, « Inconnu » or « Autre DPT ». */
    static String departmentGroup(String group) {
        return switch (group) {
            case ActivityReports.UNKNOWN_GROUP -> UNKNOWN_DEPARTMENT;
            case ActivityReports.OTHER_GROUP -> "Autre DPT";
            default -> department(group);
        };
    }

    static String referrer(String referrerType) {
        return switch (ReferrerType.valueOf(referrerType)) {
            case DETAINED_PARENT -> "Parent détenu";
            case FREE_PARENT -> "Parent libre";
            case CHILDREN_JUDGE -> "Juge des enfants";
            case FAMILY_JUDGE -> "Juge aux affaires familiales";
            case INVESTIGATING_JUDGE -> "Juge d'instruction";
            case EXTERNAL_SOCIAL_WORKER -> "Travailleur social extérieur";
        };
    }

    static String housing(String housingType) {
        return switch (HousingType.valueOf(housingType)) {
            case WITH_FREE_PARENT -> "Chez le parent libre";
            case FOSTER_FAMILY -> "Famille d'accueil";
            case TRUSTED_RELATIVE -> "Tiers digne de confiance";
            case INSTITUTION -> "Établissement";
            case WITH_MOTHER_IN_PRISON -> "Avec la mère en détention";
        };
    }

    static String interview(String kind) {
        return switch (InterviewKind.valueOf(kind)) {
            case FIRST -> "1er entretien";
            case INTERMEDIATE -> "Entretien intermédiaire";
            case CLOSING -> "Entretien de fin d'intervention";
        };
    }

    static String ageBand(String band) {
        return switch (band) {
            case "0-6" -> "0-6 ans";
            case "6-12" -> "6-12 ans";
            case "12-16" -> "12-16 ans";
            default -> "16 ans et plus";
        };
    }

    static String followUp(String bucket) {
        return switch (bucket) {
            case ActivityReports.LESS_THAN_6_MONTHS -> "Moins de 6 mois";
            case ActivityReports.SIX_TO_12_MONTHS -> "De 6 mois à 1 an";
            case ActivityReports.ONE_TO_2_YEARS -> "De 1 à 2 ans";
            default -> "2 ans et plus";
        };
    }

    static String collectiveAction(String kind) {
        return switch (kind) {
            case "SNACK" -> "Goûters";
            case "CRAFT_WORKSHOP" -> "Ateliers de création manuelle";
            default -> "Groupes de parole";
        };
    }
}
