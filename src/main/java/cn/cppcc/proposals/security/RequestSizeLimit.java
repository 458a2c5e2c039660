package cn.cppcc.proposals.security;

import cn.cppcc.proposals.shared.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON request to {@code /api} carries at most 1 MB (a proposal's texts are 40,000 characters at
 * most); attachments (multipart) have their own limit of 20 MB. Larger bodies get 413 before
 * anything reads them, also when they come without a Content-Length.
 */
@Configuration
class RequestSizeLimit {

    static final long MAX_JSON_BYTES = 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(ProblemWriter problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                if (type != null && type.toLowerCase().startsWith("multipart/")) {
                    chain.doFilter(request, response);
                    return;
                }
                if (request.getContentLengthLong() > MAX_JSON_BYTES) {
                    problems.write(response, 413, "请求过大", "请求体不能超过1MB");
                    return;
                }
                chain.doFilter(new LimitedRequest(request), response);
            }
        });
        registration.setName("api-request-size-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Thrown when a body without Content-Length grows beyond the limit; answered with 413. */
    public static class TooLargeException extends IOException {
        TooLargeException() {
            super("request body larger than " + MAX_JSON_BYTES + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_JSON_BYTES) {
                            throw new TooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > MAX_JSON_BYTES) {
                            throw new TooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
