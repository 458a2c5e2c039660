package cn.cppcc.proposals.operations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail server's health, only when there is one to ask ({@code MAIL_HOST}). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** Named so that the health contributor is {@code mail}. */
    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
    MailServerHealth mailHealthIndicator(JavaMailSenderImpl mailSender) {
        return new MailServerHealth(mailSender);
    }
}
