package fr.rep.caseengine.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat refuses some requests before any filter or servlet sees them (an undecodable or encoded-slash path, a NUL,
 * a control byte in a header) and answers them with its own HTML page; this valve, in place of Tomcat's, answers them
 * as problems. Errors that reach the application are answered by the application, as before.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = response.getMessage();
        String detail = status >= 500
                ? "The request could not be completed."
                : message == null || message.isBlank()
                        ? "The request is malformed and was refused before it was read."
                        : "The request is malformed and was refused before it was read: " + message;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            // A refused request has no decoded path: none is echoed back.
            byte[] body = ErrorAnswers.bytes(
                    ErrorAnswers.problem(status, status == 400 ? ErrorAnswers.INVALID_INPUT : null, detail, null));
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was already under way: nothing more can be said.
        }
    }
}
