package cn.cppcc.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (one per top-level package) have no cycles and reach only into each other's API (the
 * types of a module's own package, not its sub-packages). Their documentation, generated here as
 * PlantUML (C4) diagrams, is kept in {@code src/docs/modules}; a change of the modules' structure
 * fails this test until the committed diagrams are refreshed with {@code -Dmodules.docs.update=true}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ProposalsApplication.class);
    static final Path GENERATED = Path.of("target", "spring-modulith-docs");
    static final Path COMMITTED = Path.of("src", "docs", "modules");

    @Test
    void modulesHaveNoCyclesAndReachOnlyIntoEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDiagramsAreCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(GENERATED)) {
            diagrams = files.filter(f -> f.toString().endsWith(".puml")).sorted().toList();
        }
        assertThat(diagrams).isNotEmpty();
        if (Boolean.getBoolean("modules.docs.update")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".puml")).toList()) {
                    Files.delete(file);
                }
            }
            for (Path diagram : diagrams) {
                Files.copy(diagram, COMMITTED.resolve(diagram.getFileName()));
            }
        }
        for (Path diagram : diagrams) {
            Path committed = COMMITTED.resolve(diagram.getFileName());
            assertThat(committed).as("%s is committed (refresh with -Dmodules.docs.update=true)", committed).exists();
            // Spring Modulith writes the relations in an order that varies from one JVM to the next: the
            // same lines in any order are the same diagram
            assertThat(Files.readAllLines(committed)).as("%s is current (refresh with -Dmodules.docs.update=true)", committed)
                    .containsExactlyInAnyOrderElementsOf(Files.readAllLines(diagram));
        }
    }
}
