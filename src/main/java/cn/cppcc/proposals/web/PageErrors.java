package cn.cppcc.proposals.web;

import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.DatabaseDown;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The pages' errors as a page (the API's handler answers problem+json): 404 for a proposal the
 * user may not see, as the API does, 403, 409, 503 with {@code Retry-After} while the database is
 * down, and a bug without its internals.
 */
@ControllerAdvice(basePackages = "cn.cppcc.proposals.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final PageModel layout;

    PageErrors(PageModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(Exception.class)
    String error(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a download the client broke off: nobody to answer, no fault of the server's
            log.debug("Client went away on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        ClientError known = ClientError.in(e).orElse(null);
        int status;
        String detail = null;
        if (DatabaseDown.in(e)) {
            status = 503; // error.503 says it in the page's language
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseDown.RETRY_AFTER_SECONDS));
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        } else if (known != null) {
            status = known.status();
            detail = status == 404 ? null : known.detail();
        } else if (e instanceof TypeMismatchException) {
            status = 404; // e.g. /proposals/abc: no such proposal
        } else if (e instanceof ErrorResponse errorResponse) {
            status = errorResponse.getStatusCode().value();
        } else {
            status = 500;
            log.error("Page failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        response.setStatus(status);
        // an exception handler's model is a fresh one: the layout's user and language links, so the
        // menu shows who is logged in on an error page too (not while the database, which names them, is down)
        if (status != 503) {
            model.addAttribute("me", layout.me());
        }
        model.addAttribute("langZh", PageModel.switchTo(request, "zh_CN"));
        model.addAttribute("langEn", PageModel.switchTo(request, "en"));
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return "error-page";
    }
}
