package cn.cppcc.proposals.unithandling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/unit-suggestion.dmn: each rule suggests its unit; rules add up (COLLECT). */
class UnitSuggestionDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        InputStream dmn = UnitSuggestionDecisionTest.class.getClassLoader().getResourceAsStream("bpmn/unit-suggestion.dmn");
        decision = engine.parseDecision(UnitSuggestions.DECISION, dmn);
    }

    List<String> suggest(String category, String text) {
        return engine.evaluateDecisionTable(decision, Map.of("category", category, "proposalText", text))
                .collectEntries("unitCode");
    }

    @ParameterizedTest(name = "{0} / {1} suggests {2}")
    @CsvSource({
            "教科文卫, 关于提高乡村医生待遇的建议, edu",
            "其它, 关于增加幼儿园学位的建议, edu",
            "城市交通, 关于优化养老服务的建议, transport",
            "其它, 关于增开夜间公交线路的建议, transport",
            "城市建设管理, 关于规范户外广告的建议, housing",
            "其它, 关于加快老旧小区电梯加装的建议, housing"})
    void eachRuleSuggestsItsUnit(String category, String text, String unit) {
        assertThat(suggest(category, text)).containsExactly(unit);
    }

    @Test
    void categoryAndKeywordsAddUp() {
        assertThat(suggest("城市交通", "学校周边停车难")).containsExactlyInAnyOrder("edu", "transport", "transport");
    }

    @Test
    void nothingMatchingSuggestsNothing() {
        assertThat(suggest("经济发展", "关于扶持小微企业的建议")).isEmpty();
    }
}
