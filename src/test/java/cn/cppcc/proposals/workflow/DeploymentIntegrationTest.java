package cn.cppcc.proposals.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every file of bpmn/ is deployed, and every user task and the start event have a deployed form. */
class DeploymentIntegrationTest extends IntegrationTestSupport {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyFileOfTheBpmnFolderIsDeployedUnderItsName() {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentName("proposals")
                .orderByDeploymentTime().desc().list().get(0);
        List<String> deployed = repositoryService.getDeploymentResources(deployment.getId()).stream()
                .map(Resource::getName).sorted().toList();
        List<String> files = Arrays.stream(new File("bpmn").list()).sorted().map(name -> "bpmn/" + name).toList();
        assertThat(deployed).isEqualTo(files);
    }

    @Test
    void everyUserTaskHasAFormInTheSameDeployment() {
        for (String key : List.of(ProposalHandlingProcess.KEY, UnitHandlingProcess.KEY)) {
            var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            List<String> formKeys = repositoryService.getDeploymentResources(definition.getDeploymentId()).stream()
                    .map(Resource::getName).filter(n -> n.endsWith(".form"))
                    .map(n -> n.substring("bpmn/".length(), n.length() - ".form".length())).toList();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
                        .as("form of %s", task.getId()).isIn(formKeys);
            }
            if (key.equals(ProposalHandlingProcess.KEY)) {
                StartEvent start = model.getModelElementById(ProposalHandlingProcess.START_PROPOSAL_SUBMITTED);
                assertThat(start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef")).isIn(formKeys);
            }
        }
    }

    @Test
    void deployingTheSameFilesAgainDeploysNothingNew() throws Exception {
        long before = repositoryService.createDeploymentQuery().deploymentName("proposals").count();
        var again = repositoryService.createDeployment().name("proposals").enableDuplicateFiltering(false);
        for (var resource : new BpmnFolderDeployment().getDeploymentResources()) {
            try (var in = resource.getInputStream()) {
                again.addInputStream(BpmnFolderDeployment.FOLDER + resource.getFilename(), in);
            }
        }
        again.deploy();
        assertThat(repositoryService.createDeploymentQuery().deploymentName("proposals").count()).isEqualTo(before);
    }
}
