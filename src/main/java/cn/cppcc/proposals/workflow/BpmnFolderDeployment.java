package cn.cppcc.proposals.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every process, decision table and form of {@code bpmn/} as one deployment named
 * "proposals", under stable names ({@code bpmn/proposal-handling.bpmn}) whether the application
 * runs from classes or from its jar. A new deployment is made only when a file changed, and then
 * with all files, so that each process finds its forms in its own deployment.
 */
@Component
class BpmnFolderDeployment extends AbstractCamundaConfiguration implements CamundaDeploymentConfiguration {

    static final String FOLDER = "bpmn/";
    private static final Logger log = LoggerFactory.getLogger(BpmnFolderDeployment.class);

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setDeploymentName("proposals");
        configuration.setDeployChangedOnly(false);
        Set<Resource> resources = getDeploymentResources();
        log.info("Deploying {} files of {}: {}", resources.size(), FOLDER,
                resources.stream().map(Resource::getFilename).toList());
        configuration.setDeploymentResources(resources.toArray(Resource[]::new));
    }

    /**
     * The engine names a deployed resource after {@link ContextResource#getPathWithinContext()};
     * a plain class path resource would be named after its absolute file path instead.
     */
    static class BpmnResource extends ClassPathResource implements ContextResource {
        BpmnResource(String path) {
            super(path);
        }

        @Override
        public String getPathWithinContext() {
            return getPath();
        }
    }

    @Override
    public Set<Resource> getDeploymentResources() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + FOLDER + "*.*");
            Set<Resource> resources = new LinkedHashSet<>();
            Arrays.stream(found)
                    .map(Resource::getFilename)
                    .filter(name -> name != null && name.matches(".+\\.(bpmn|dmn|form)"))
                    .sorted()
                    .forEach(name -> resources.add(new BpmnResource(FOLDER + name)));
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + FOLDER, e);
        }
    }
}
