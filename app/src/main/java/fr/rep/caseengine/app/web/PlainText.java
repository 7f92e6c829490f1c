package fr.rep.caseengine.app.web;

/**
 * What text the API accepts: no control characters (PostgreSQL's text columns refuse NUL, and the others forge log
 * lines or terminal output), and no unpaired surrogate (it has no UTF-8 form). Free text in a body keeps tab and line
 * breaks; a header or a query parameter has no use for them.
 */
final class PlainText {

    static final String RULE_IN_BODY = "must be plain text: no control characters other than tab and line breaks";
    static final String RULE_IN_LINE = "must be plain text: no control characters";

    private PlainText() {}

    /** The rule {@code text} breaks, or null when it is acceptable. */
    static String refusal(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text: an unpaired surrogate has no UTF-8 form";
            } else if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return lineBreaksAllowed ? RULE_IN_BODY : RULE_IN_LINE;
            }
        }
        return null;
    }
}
