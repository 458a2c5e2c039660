package cn.cppcc.proposals.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP server's health: UP when it answers, DEGRADED (never DOWN) when it does not. */
class MailServerHealthTest {

    @Test
    void upWhenTheSmtpServerAnswers() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Health health = new MailServerHealth(sender(smtp.getSmtp().getPort())).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void degradedWhenItDoesNot() throws IOException {
        Health health = new MailServerHealth(sender(freePort())).health();
        assertThat(health.getStatus()).isEqualTo(MailServerHealth.DEGRADED);
        assertThat(health.getDetails()).containsKey("location");
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
