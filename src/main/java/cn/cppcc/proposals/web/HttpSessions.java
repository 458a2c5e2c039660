package cn.cppcc.proposals.web;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions live in the database (Spring Session JDBC, Boot's auto-configuration; the tables
 * of migration V24), so that every node behind the proxy knows every login and a node's restart
 * logs nobody out. Spring Session's filter wraps every request, {@code /camunda/**} too: the
 * webapps keep their login (Camunda's {@code Authentications}, which is Serializable) and their
 * CSRF token in the session, and a session only one node knew would end the webapps' login at the
 * next request the proxy sends to the other node. The API and the engine REST API stay stateless
 * (HTTP Basic) and create no session.
 * <p>
 * Two requests of one session may add the same attribute at once (Tasklist sends its calls in
 * parallel, and the webapps' lock on the session is a per-node object): the attribute's insert is an
 * upsert, so that neither request fails on the primary key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpSessions {

    /** H2's form of PostgreSQL's {@code insert ... on conflict do update}. */
    static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return switch (DatabaseDriver.fromProductName(product)) {
            case POSTGRESQL -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
            case H2 -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
            default -> repository -> { };
        };
    }
}
