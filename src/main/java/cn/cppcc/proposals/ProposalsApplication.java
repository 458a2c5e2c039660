package cn.cppcc.proposals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Proposal handling 提案办理 for CPPCC committees, on the Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProposalsApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProposalsApplication.class, args);
    }
}
