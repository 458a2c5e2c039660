package cn.cppcc.proposals;

import cn.cppcc.proposals.identity.EmergencyAdminReset;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Proposal handling 提案办理 for CPPCC committees, on the Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProposalsApplication {
    public static void main(String[] args) {
        // the administrator's emergency reset runs, prints and exits, without a web server
        if (EmergencyAdminReset.requested(args)) {
            System.exit(EmergencyAdminReset.run(ProposalsApplication.class, args));
        }
        SpringApplication.run(ProposalsApplication.class, args);
    }
}
