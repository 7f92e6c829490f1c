package fr.rep.caseengine.query.live;

/** A live view: the projection (processing group) behind it, whose changes and lag its clients follow. */
public enum View {
    CASELOAD("caseload"),
    WORK_QUEUE("work-queue");

    private final String processingGroup;

    View(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    /** The processing group, also the name the view goes by in change messages. */
    public String processingGroup() {
        return processingGroup;
    }

    static View named(String processingGroup) {
        for (View view : values()) {
            if (view.processingGroup.equals(processingGroup)) {
                return view;
            }
        }
        throw new IllegalArgumentException("no live view " + processingGroup);
    }
}
