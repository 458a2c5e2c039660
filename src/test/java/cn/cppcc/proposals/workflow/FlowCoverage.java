package cn.cppcc.proposals.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Records every sequence flow the process tests take, so that a test class can prove it went down
 * every path and every gateway branch of its BPMN file.
 */
public final class FlowCoverage {

    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    private FlowCoverage() {
    }

    /** Registered in camunda.cfg.xml: adds a take listener to each sequence flow. */
    public static class RecordTakenFlows extends AbstractBpmnParseListener {
        @Override
        public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope,
                TransitionImpl transition) {
            String flow = ((ProcessDefinitionEntity) transition.getProcessDefinition()).getKey() + "#" + transition.getId();
            transition.addListener(ExecutionListener.EVENTNAME_TAKE, execution -> TAKEN.add(flow));
        }
    }

    /** Fails naming every sequence flow of the BPMN file that no test took. */
    public static void assertEveryFlowTaken(String bpmnResource, String processKey) {
        InputStream stream = FlowCoverage.class.getClassLoader().getResourceAsStream(bpmnResource);
        Set<String> all = Bpmn.readModelFromStream(stream).getModelElementsByType(SequenceFlow.class).stream()
                .map(SequenceFlow::getId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missed = new TreeSet<>(all);
        missed.removeIf(id -> TAKEN.contains(processKey + "#" + id));
        assertThat(missed).as("sequence flows of %s that no test took", bpmnResource).isEmpty();
    }
}
