package cn.cppcc.proposals.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The user name and password of an {@code Authorization: Basic} header (RFC 7617). */
record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic ";

    /** The request's Basic credentials, or {@code null} when it has none or they cannot be read. */
    static BasicCredentials of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
