package fr.rep.caseengine.app.report;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseReviewed;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ContactStepTaken;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.events.familycase.HomeVisitMade;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.InterviewHeld;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import fr.rep.caseengine.events.familycase.NurseryAccompanimentMade;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;

/**
 * The report's figures counted by hand from the events, applying docs/report.md's rules in plain Java, without the
 * projection's tables or SQL: what an auditor would do. Figures come out flat ("interviewsByKind.FIRST" = 3), the
 * shape {@link #flatten} gives the API's JSON.
 */
final class ReportOracle {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private record Child(LocalDate birthDate, String department, HousingType housing, Instant addedAt) {}

    private static final class Family {
        final Team team;
        final Prison prison;
        final ReferrerType referrer;
        final boolean measure;
        final List<Child> children = new ArrayList<>();
        final List<Instant[]> periods = new ArrayList<>();
        final Set<SubjectId> detainedParents = new HashSet<>();

        Family(RequestReceived request) {
            team = request.team();
            prison = request.prison();
            referrer = request.referrerType();
            measure = request.educationalOrJudicialMeasure();
            detainedParents.add(request.detainedParent());
            request.parties().stream()
                    .filter(party -> party.role() == PartyRole.DETAINED_PARENT)
                    .forEach(party -> detainedParents.add(party.subjectId()));
            request.children().forEach(child -> children.add(child(child, request.occurredAt())));
        }
    }

    private record Fact(
            String id,
            Team team,
            Prison prison,
            String kind,
            String detail,
            Instant at,
            int kilometres,
            boolean byVolunteer,
            int participants,
            boolean withChildren,
            List<Participant> parents) {

        Fact(
                String id,
                Team team,
                Prison prison,
                String kind,
                String detail,
                Instant at,
                int kilometres,
                boolean byVolunteer,
                int participants) {
            this(id, team, prison, kind, detail, at, kilometres, byVolunteer, participants, false, List.of());
        }
    }

    private final Map<Object, Family> families = new HashMap<>();
    private final List<Fact> facts = new ArrayList<>();
    private final Set<String> voided = new HashSet<>();

    void apply(EventMessage<?> message) {
        Object payload = message.getPayload();
        String id = message.getIdentifier();
        if (payload instanceof RequestReceived request) {
            families.putIfAbsent(request.caseId(), new Family(request));
        } else if (payload instanceof CaseEvent event && families.containsKey(event.caseId())) {
            Family family = families.get(event.caseId());
            if (event instanceof RequestAccepted accepted) {
                family.periods.add(new Instant[] {accepted.occurredAt(), null});
            } else if (event instanceof InterventionClosed closed) {
                family.periods.stream()
                        .filter(period -> period[1] == null)
                        .forEach(period -> period[1] = closed.occurredAt());
            } else if (event instanceof ChildAdded added) {
                family.children.add(child(added.child(), added.occurredAt()));
            } else if (event instanceof InterviewHeld interview) {
                facts.add(new Fact(
                        id,
                        family.team,
                        null,
                        "INTERVIEW",
                        interview.kind().name(),
                        interview.occurredAt(),
                        kilometres(interview.kilometres()),
                        false,
                        0,
                        interview.participants().contains(InterviewParticipant.CHILDREN)
                                && interview.place() != InterviewPlace.BY_PHONE,
                        List.of()));
            } else if (event instanceof ContactStepTaken step) {
                facts.add(new Fact(
                        id,
                        family.team,
                        null,
                        "KILOMETRES_ONLY",
                        "",
                        step.occurredAt(),
                        kilometres(step.kilometres()),
                        step.mediatedBy() == Accompaniment.VOLUNTEER,
                        0));
            } else if (event instanceof CaseReviewed review) {
                facts.add(new Fact(
                        id,
                        family.team,
                        null,
                        "KILOMETRES_ONLY",
                        "",
                        review.occurredAt(),
                        kilometres(review.kilometres()),
                        false,
                        0));
            } else if (event instanceof HomeVisitMade visit) {
                facts.add(new Fact(
                        id, family.team, null, "HOME_VISIT", "", visit.occurredAt(), visit.kilometres(), false, 0));
            } else if (event instanceof VisitMediated visit) {
                facts.add(new Fact(
                        id,
                        family.team,
                        null,
                        "VISIT",
                        visit.place().name(),
                        visit.occurredAt(),
                        kilometres(visit.kilometres()),
                        visit.accompaniedBy() == Accompaniment.VOLUNTEER,
                        0));
            } else if (event instanceof NurseryAccompanimentMade nursery) {
                facts.add(new Fact(
                        id, family.team, null, "NURSERY", "", nursery.occurredAt(), nursery.kilometres(), false, 0));
            } else if (event instanceof EntryCorrected correction) {
                voided.add(correction.correctedEventId());
            }
        } else if (payload instanceof CollectiveSessionHeld session) {
            facts.add(new Fact(
                    id,
                    session.team(),
                    session.prison(),
                    "COLLECTIVE",
                    session.kind().name(),
                    session.occurredAt(),
                    0,
                    false,
                    session.participants().size(),
                    false,
                    session.participants()));
        } else if (payload instanceof TalkingGroupSessionHeld session) {
            facts.add(new Fact(
                    id,
                    session.team(),
                    session.prison(),
                    "COLLECTIVE",
                    "TALKING_GROUP",
                    session.occurredAt(),
                    0,
                    false,
                    session.participants().size(),
                    false,
                    session.participants()));
        }
    }

    private static int kilometres(Integer recorded) {
        return recorded == null ? 0 : recorded;
    }

    /** How many events corrections voided. */
    int corrections() {
        return voided.size();
    }

    /** The figures of one team, or of the whole service for a null team. */
    Map<String, Object> figures(int year, LocalDate referenceDate, Team team) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Object> figures = new TreeMap<>();
        long familyCount = 0;
        long withMeasure = 0;
        long childCount = 0;
        Map<String, Long> counts = new TreeMap<>();
        for (String band : List.of("0-6", "6-12", "12-16", "16+")) {
            counts.put("childrenByAgeBand." + band, 0L);
        }
        for (ReferrerType referrer : ReferrerType.values()) {
            counts.put("requestOrigins." + referrer, 0L);
        }
        for (HousingType housing : HousingType.values()) {
            counts.put("childrenByHousing." + housing, 0L);
        }
        for (String bucket : List.of("LESS_THAN_6_MONTHS", "6_TO_12_MONTHS", "1_TO_2_YEARS", "2_YEARS_OR_MORE")) {
            counts.put("followUpLength." + bucket, 0L);
        }
        for (InterviewKind kind : InterviewKind.values()) {
            counts.put("interviewsByKind." + kind, 0L);
        }
        for (String kind : List.of("SNACK", "TALKING_GROUP", "CRAFT_WORKSHOP")) {
            counts.put("collectiveActions." + kind + ".sessions", 0L);
            counts.put("collectiveActions." + kind + ".participations", 0L);
        }
        List<String> own = team == Team.SOMME_AISNE_OISE
                ? List.of("80", "02", "60")
                : team == Team.PAS_DE_CALAIS ? List.of("62") : List.of("80", "02", "60", "62");
        for (String group : own) {
            counts.put("childrenByDepartmentGroup." + group, 0L);
        }
        counts.put("childrenByDepartmentGroup.unknown", 0L);
        counts.put("childrenByDepartmentGroup.other", 0L);
        Set<SubjectId> detainedParents = new HashSet<>();
        Set<Object> supported = new HashSet<>();
        for (Map.Entry<Object, Family> entry : families.entrySet()) {
            Family family = entry.getValue();
            LocalDate since = null;
            LocalDate until = null;
            for (Instant[] period : family.periods) {
                LocalDate accepted = date(period[0]);
                LocalDate closed = period[1] == null ? null : date(period[1]);
                boolean overlaps = !accepted.isAfter(last) && (closed == null || !closed.isBefore(first));
                if (overlaps) {
                    LocalDate end = closed == null || closed.isAfter(last) ? last : closed;
                    since = since == null || accepted.isAfter(since) ? accepted : since;
                    until = until == null || end.isAfter(until) ? end : until;
                }
            }
            if (since == null) {
                continue;
            }
            // Whatever the team asked: a parent of another team's family supported that year is followed.
            supported.add(entry.getKey());
            if (team != null && family.team != team) {
                continue;
            }
            familyCount++;
            detainedParents.addAll(family.detainedParents);
            withMeasure += family.measure ? 1 : 0;
            add(counts, "requestOrigins." + family.referrer, 1);
            add(counts, "prisons." + family.prison, 1);
            String bucket = until.isBefore(since.plusMonths(6))
                    ? "LESS_THAN_6_MONTHS"
                    : until.isBefore(since.plusYears(1))
                            ? "6_TO_12_MONTHS"
                            : until.isBefore(since.plusYears(2)) ? "1_TO_2_YEARS" : "2_YEARS_OR_MORE";
            add(counts, "followUpLength." + bucket, 1);
            for (Child child : family.children) {
                if (date(child.addedAt()).isAfter(last)) {
                    continue;
                }
                childCount++;
                int age = java.time.Period.between(child.birthDate(), referenceDate)
                        .getYears();
                String band = age < 6 ? "0-6" : age < 12 ? "6-12" : age < 16 ? "12-16" : "16+";
                add(counts, "childrenByAgeBand." + band, 1);
                add(counts, "childrenByDepartment." + (child.department() == null ? "unknown" : child.department()), 1);
                add(
                        counts,
                        "childrenByDepartmentGroup."
                                + (child.department() == null
                                        ? "unknown"
                                        : own.contains(child.department()) ? child.department() : "other"),
                        1);
                add(counts, "childrenByHousing." + child.housing(), 1);
            }
        }
        long interviews = 0;
        long inPrison = 0;
        long outside = 0;
        long professionals = 0;
        long volunteers = 0;
        long homeVisits = 0;
        long interviewsWithChildren = 0;
        long nursery = 0;
        Set<SubjectId> collectiveParents = new HashSet<>();
        Set<SubjectId> notFollowed = new HashSet<>();
        Map<String, Set<SubjectId>> parentsByKind = new TreeMap<>();
        List.of("SNACK", "TALKING_GROUP", "CRAFT_WORKSHOP").forEach(kind -> parentsByKind.put(kind, new HashSet<>()));
        for (Fact fact : facts) {
            LocalDate on = date(fact.at());
            if ((team != null && fact.team() != team) || on.getYear() != year || voided.contains(fact.id())) {
                continue;
            }
            if (fact.byVolunteer()) {
                volunteers += fact.kilometres();
            } else {
                professionals += fact.kilometres();
            }
            switch (fact.kind()) {
                case "INTERVIEW" -> {
                    interviews++;
                    interviewsWithChildren += fact.withChildren() ? 1 : 0;
                    add(counts, "interviewsByKind." + fact.detail(), 1);
                }
                case "KILOMETRES_ONLY" -> {
                    // A contact step or a review: its trip only.
                }
                case "HOME_VISIT" -> homeVisits++;
                case "NURSERY" -> nursery++;
                case "VISIT" -> {
                    if (fact.detail().equals(VisitPlace.OUTSIDE.name())) {
                        outside++;
                    } else {
                        inPrison++;
                    }
                }
                default -> {
                    add(counts, "collectiveActions." + fact.detail() + ".sessions", 1);
                    add(counts, "collectiveActions." + fact.detail() + ".participations", fact.participants());
                    add(counts, "prisons." + fact.prison(), 0);
                    for (Participant parent : fact.parents()) {
                        collectiveParents.add(parent.parent());
                        parentsByKind.get(fact.detail()).add(parent.parent());
                        if (parent.caseId() == null || !supported.contains(parent.caseId())) {
                            notFollowed.add(parent.parent());
                        }
                    }
                }
            }
        }
        figures.putAll(counts);
        figures.put("familiesSupported", familyCount);
        figures.put("children", childCount);
        figures.put("interviews", interviews);
        figures.put("homeVisits", homeVisits);
        figures.put("nurseryAccompaniments", nursery);
        figures.put("kilometres.professionals", professionals);
        figures.put("kilometres.volunteers", volunteers);
        figures.put("kilometres.total", professionals + volunteers);
        figures.put("accompaniedVisits.inPrison", inPrison);
        figures.put("accompaniedVisits.outside", outside);
        figures.put("accompaniedVisits.total", inPrison + outside);
        figures.put("detainedParents", (long) detainedParents.size());
        figures.put("visitingRightsAccompaniments", inPrison);
        figures.put("homeVisitsOrInterviewsWithChildren", homeVisits + interviewsWithChildren);
        figures.put("collectiveParents.parents", (long) collectiveParents.size());
        figures.put("collectiveParents.notFollowed", (long) notFollowed.size());
        parentsByKind.forEach(
                (kind, parents) -> figures.put("collectiveParents.byKind." + kind, (long) parents.size()));
        figures.put("familiesWithMeasure.families", withMeasure);
        figures.put(
                "familiesWithMeasure.percent",
                familyCount == 0 ? null : (200 * withMeasure + familyCount) / (2 * familyCount));
        return figures;
    }

    /** The API's figures in the same flat shape: lists keyed by département code or prison. */
    static Map<String, Object> flatten(com.fasterxml.jackson.databind.JsonNode figures) {
        Map<String, Object> flat = new TreeMap<>();
        flatten("", figures, flat);
        return flat;
    }

    private static void flatten(String prefix, com.fasterxml.jackson.databind.JsonNode node, Map<String, Object> flat) {
        node.fields().forEachRemaining(field -> {
            String key = prefix + field.getKey();
            com.fasterxml.jackson.databind.JsonNode value = field.getValue();
            if (value.isNumber()) {
                flat.put(key, value.longValue());
            } else if (value.isNull()) {
                flat.put(key, null);
            } else if (value.isObject()) {
                flatten(key + ".", value, flat);
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element.has("code")) {
                        flat.put(
                                key + "."
                                        + (element.get("code").isNull()
                                                ? "unknown"
                                                : element.get("code").asText()),
                                element.get("children").longValue());
                    } else {
                        flat.put(
                                key + "." + element.get("prison").asText(),
                                element.get("families").longValue());
                    }
                });
            }
        });
    }

    private static void add(Map<String, Long> counts, String key, long amount) {
        counts.merge(key, amount, Long::sum);
    }

    private static Child child(ChildOnCase child, Instant addedAt) {
        return new Child(
                child.birthDate(),
                child.department() == null ? null : child.department().code(),
                child.housing(),
                addedAt);
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
