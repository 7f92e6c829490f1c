package fr.rep.caseengine.app.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails answers a French error page with the status the API would give (404 for a case outside one's
 * scope, 403 for a role that may not see it). Requests to the API, operations and API docs are left to the problem
 * handlers, so API clients keep their {@code application/problem+json}.
 */
class PageErrors implements HandlerExceptionResolver {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!Pages.isPage(request) || (handler instanceof HandlerMethod method && !isPageController(method))) {
            return null;
        }
        HttpStatusCode status = statusOf(failure);
        if (status.is5xxServerError()) {
            LOG.error("Page {} failed", request.getRequestURI(), failure);
        }
        return Pages.error(status);
    }

    /** A page controller renders views; an API controller writes its answer's body. */
    private static boolean isPageController(HandlerMethod method) {
        return !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                && !method.hasMethodAnnotation(ResponseBody.class);
    }

    private static HttpStatusCode statusOf(Exception failure) {
        if (failure instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        if (failure instanceof TypeMismatchException) {
            // A parameter of the wrong type in the address (?annee=abc): the API's 400, not a failure of the page.
            return HttpStatus.BAD_REQUEST;
        }
        if (failure instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
        return declared != null ? declared.code() : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
