package fr.rep.caseengine.app.security;

/**
 * What a client typed, made safe for one log line: CR, LF and other control characters escaped, so that a typed
 * value cannot end the line and forge another one.
 */
final class LoggedText {

    private LoggedText() {}

    static String escaped(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> line.append("\\r");
                case '\n' -> line.append("\\n");
                case '\\' -> line.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        line.append(String.format("\\u%04x", c));
                    } else {
                        line.appendCodePoint(c);
                    }
                }
            }
        });
        return line.toString();
    }
}
