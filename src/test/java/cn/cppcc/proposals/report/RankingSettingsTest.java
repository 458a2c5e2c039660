package cn.cppcc.proposals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** proposals.ranking.weights: each at least 0, together 1. */
class RankingSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RankingSettings.class)
    static class Settings {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void weightsThatAddUpToOneAreTaken() {
        runner.withPropertyValues("proposals.ranking.weights.on-time=0.5", "proposals.ranking.weights.face-to-face=0.25",
                "proposals.ranking.weights.satisfaction=0.25").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RankingSettings.class).weights().onTime()).isEqualTo(0.5);
                });
    }

    @Test
    void weightsThatDoNotAddUpToOneStopTheStart() {
        runner.withPropertyValues("proposals.ranking.weights.on-time=0.5", "proposals.ranking.weights.face-to-face=0.5",
                "proposals.ranking.weights.satisfaction=0.5").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("must add up to 1");
                });
    }

    @Test
    void negativeWeightsStopTheStart() {
        runner.withPropertyValues("proposals.ranking.weights.on-time=1.5", "proposals.ranking.weights.face-to-face=-0.5",
                "proposals.ranking.weights.satisfaction=0").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void missingWeightsStopTheStart() {
        runner.run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theDefaultsAddUpToOne() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties defaults = yaml.getObject();
        runner.withPropertyValues(
                "proposals.ranking.weights.on-time=" + defaults.getProperty("proposals.ranking.weights.on-time"),
                "proposals.ranking.weights.face-to-face=" + defaults.getProperty("proposals.ranking.weights.face-to-face"),
                "proposals.ranking.weights.satisfaction=" + defaults.getProperty("proposals.ranking.weights.satisfaction"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RankingSettings.Weights weights = context.getBean(RankingSettings.class).weights();
                    assertThat(weights.onTime() + weights.faceToFace() + weights.satisfaction()).isEqualTo(1.0);
                    assertThat(weights.satisfaction()).isGreaterThan(weights.onTime());
                });
    }
}
