package fr.rep.caseengine.app.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/** Which requests are pages (the rest is API, operations and API docs), and the French error page of a status. */
public final class Pages {

    private Pages() {}

    /** Whether this request asks for a page of the browser application rather than the API or operations. */
    public static boolean isPage(HttpServletRequest request) {
        return isPagePath(request.getServletPath());
    }

    /** Whether this path (within the application) is one of the browser application's rather than the API's. */
    public static boolean isPagePath(String path) {
        return !(path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui"));
    }

    /** The French page of an error status: 403, 404, or the general one of its series. */
    public static ModelAndView error(HttpStatusCode status) {
        int code = status.value();
        String view = code == 403 || code == 404 ? "error/" + code : code >= 500 ? "error/5xx" : "error/4xx";
        ModelAndView page = new ModelAndView(view, code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : status);
        page.addObject("status", code);
        return page;
    }
}
