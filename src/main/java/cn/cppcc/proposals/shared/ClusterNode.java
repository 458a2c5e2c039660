package cn.cppcc.proposals.shared;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This node's name in the rows it holds for a while (a cluster lock, an import's lease): the JVM's
 * {@code pid@host} and a random part, since two applications may run in one JVM.
 */
@Component
public class ClusterNode {

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return name;
    }
}
