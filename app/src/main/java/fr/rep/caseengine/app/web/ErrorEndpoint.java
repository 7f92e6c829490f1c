package fr.rep.caseengine.app.web;

import fr.rep.caseengine.app.page.Pages;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container forwards errors raised outside Spring MVC (a filter's
 * {@code sendError}, an exception escaping a filter), in place of Spring Boot's default JSON: a problem, without
 * exception details. Called directly it is not an error of anything: 404. A browser asking for a page of the web
 * application (not the API) gets the French error page instead.
 */
@Hidden
@Controller
class ErrorEndpoint implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer known && known >= 400 ? known : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path
                && path.startsWith(request.getContextPath())
                && Pages.isPagePath(path.substring(request.getContextPath().length()))
                && acceptsHtml(request)) {
            return Pages.error(HttpStatusCode.valueOf(status));
        }
        String detail = status == 404 && code == null
                ? "There is nothing here."
                : status >= 500
                        ? "The request could not be completed; it has been logged."
                        : "The request was refused.";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ErrorAnswers.problem(
                        status,
                        status == 400 ? ErrorAnswers.INVALID_INPUT : null,
                        detail,
                        uri instanceof String path ? path : null));
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
