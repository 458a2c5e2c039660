package cn.cppcc.proposals.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the {@link DatabaseDownFilter} around everything that may read the database. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DatabaseDownConfiguration {

    /**
     * After the request's encoding is set and the HTTP metrics' observation has started (so they
     * count the 503), before Spring Session loads the session from the database
     * ({@code SessionRepositoryFilter.DEFAULT_ORDER}, {@code Integer.MIN_VALUE + 50}).
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(ProblemWriter problems, ObjectMapper objectMapper) {
        FilterRegistrationBean<DatabaseDownFilter> registration =
                new FilterRegistrationBean<>(new DatabaseDownFilter(problems, objectMapper));
        registration.setName("database-down");
        registration.setOrder(ORDER);
        return registration;
    }
}
