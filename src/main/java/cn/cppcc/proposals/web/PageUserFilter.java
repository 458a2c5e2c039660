package cn.cppcc.proposals.web;

import cn.cppcc.proposals.identity.Directory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every page request: is the logged-in user still in the identity store? A deleted or
 * disabled user's session ends at once. Otherwise the engine is told who acts, with the groups
 * the user has now (a changed role counts from the next page on), as the API's filter does.
 */
class PageUserFilter extends OncePerRequestFilter {

    private final Directory directory;
    private final IdentityService identityService;

    PageUserFilter(Directory directory, IdentityService identityService) {
        this.directory = directory;
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof String userId)) {
            chain.doFilter(request, response);
            return;
        }
        if (!directory.exists(userId)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        List<String> groups = directory.groupsOf(userId);
        try {
            identityService.setAuthentication(userId, groups);
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
