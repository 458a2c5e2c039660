package cn.cppcc.proposals.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.cppcc.proposals.proposal.ProposalStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.ErrorResponseException;

/** The index follows the database: the rebuild, an update, a proposal gone, and not ready yet. */
class SimilarityIndexerTest {

    static final SimilaritySettings SETTINGS = new SimilaritySettings("", Set.of(ProposalStatus.WITHDRAWN),
            Duration.ZERO, 2, Duration.ofSeconds(1));

    final SimilarityIndex index = SimilarityIndex.inMemory();
    final ProposalDocuments documents = mock(ProposalDocuments.class);
    final SimilarityIndexer indexer = new SimilarityIndexer(index, documents, mock(SearchChanges.class), SETTINGS,
            null, mock(PlatformTransactionManager.class));

    @AfterEach
    void close() throws IOException, InterruptedException {
        indexer.destroy();
        index.close();
    }

    static IndexedProposal proposal(long id, String title) {
        return new IndexedProposal(id, null, title, "案据", "办法", null, "UNDER_REVIEW", "S1", 1, Set.of(), List.of());
    }

    @Test
    void answers503UntilTheRebuildAfterTheStartHasFinished() {
        assertThatThrownBy(indexer::requireReady).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        });

        when(documents.allIds()).thenReturn(List.of(1L, 2L, 3L));
        when(documents.load(List.of(1L, 2L)))
                .thenReturn(List.of(proposal(1, "关于加装电梯的建议"), proposal(2, "关于长者食堂的建议")));
        when(documents.load(List.of(3L))).thenReturn(List.of(proposal(3, "关于公共厕所的建议")));
        indexer.rebuild();

        indexer.requireReady();
        assertThat(indexer.awaitReady(Duration.ZERO)).isTrue();
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void aChangeReplacesTheProposalAndAProposalGoneLeavesTheIndex() {
        index.put(proposal(1, "关于加装电梯的建议"));
        when(documents.load(Set.of(1L))).thenReturn(List.of(proposal(1, "关于增设公共厕所的建议")));

        indexer.replaceNow(Set.of(1L));

        assertThat(index.search("公共厕所", 0, 10).total()).isEqualTo(1);
        assertThat(index.search("电梯", 0, 10).total()).isZero();

        when(documents.load(anyCollection())).thenReturn(List.of());
        indexer.replaceNow(Set.of(1L));
        assertThat(index.size()).isZero();
    }

    @Test
    void anIndexOnDiskKeepsWhatWasCommitted(@TempDir Path directory) throws IOException {
        try (SimilarityIndex onDisk = new SimilarityIndex(FSDirectory.open(directory), SimilarityIndex.Weights.DEFAULT)) {
            onDisk.put(proposal(1, "关于加装电梯的建议"));
            onDisk.commit();
        }
        try (SimilarityIndex reopened = new SimilarityIndex(FSDirectory.open(directory), SimilarityIndex.Weights.DEFAULT)) {
            assertThat(reopened.search("电梯", 0, 10).items()).extracting(SimilarityIndex.SearchHit::id)
                    .containsExactly(1L);
        }
    }
}
