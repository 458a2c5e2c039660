package cn.cppcc.proposals.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Chinese first, whatever the browser asks for; {@code ?lang=en} (or {@code ?lang=zh_CN}) on any
 * page switches and keeps the choice in the cookie {@code lang}.
 */
@Configuration
class PageLocale implements WebMvcConfigurer {

    static final String PARAMETER = "lang";
    static final Map<String, Locale> LANGUAGES = Map.of("zh_CN", Locale.SIMPLIFIED_CHINESE, "en", Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(PARAMETER);
        resolver.setDefaultLocaleFunction(request -> Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleResolver resolver = localeResolver();
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String language = request.getParameter(PARAMETER);
                Locale chosen = language == null ? null : LANGUAGES.get(language);
                if (chosen != null) {
                    resolver.setLocale(request, response, chosen);
                }
                return true;
            }
        }).addPathPatterns(PageSecurityConfiguration.PAGE_PATHS);
    }
}
