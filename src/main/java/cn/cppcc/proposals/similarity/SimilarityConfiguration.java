package cn.cppcc.proposals.similarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one index of the application: in memory, or in the directory the settings name. */
@Configuration(proxyBeanMethods = false)
class SimilarityConfiguration {

    @Bean(destroyMethod = "close")
    SimilarityIndex similarityIndex(SimilaritySettings settings) throws IOException {
        if (settings.inMemory()) {
            return SimilarityIndex.inMemory();
        }
        Path directory = Files.createDirectories(Path.of(settings.directory()));
        return new SimilarityIndex(FSDirectory.open(directory), SimilarityIndex.Weights.DEFAULT);
    }
}
