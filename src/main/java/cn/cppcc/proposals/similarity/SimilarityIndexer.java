package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.unithandling.ReplySent;
import cn.cppcc.proposals.proposal.ProposalChanged;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Keeps the index equal to the database: rebuilds it in the background once the application has
 * started (after Flyway's migrations), and after every committed change of a proposal or sent
 * reply reads that proposal again and replaces its document. A rebuild that fails is tried again.
 *
 * <p>A batch of the rebuild and an update each read the database and write the index under one
 * lock, so a rebuild that read a proposal before a change cannot overwrite the change: either it
 * wrote before the update did, or it read after the change was committed.
 */
@Component
class SimilarityIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimilarityIndexer.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final SimilarityIndex index;
    private final ProposalDocuments documents;
    private final SimilaritySettings settings;
    private final TransactionTemplate reading;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "similarity-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    SimilarityIndexer(SimilarityIndex index, ProposalDocuments documents, SimilaritySettings settings,
            PlatformTransactionManager transactions) {
        this.index = index;
        this.documents = documents;
        this.settings = settings;
        this.reading = new TransactionTemplate(transactions);
        // After a commit the finished transaction's connection may still be bound: read in a new one.
        reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        reading.setReadOnly(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnStart() {
        rebuilder.execute(this::rebuild);
    }

    /** Reads every proposal again; the index is ready afterwards. */
    void rebuild() {
        long start = System.nanoTime();
        try {
            lock.lock();
            try {
                index.clear();
            } finally {
                lock.unlock();
            }
            List<Long> ids = reading.execute(status -> documents.allIds());
            for (int from = 0; from < ids.size(); from += settings.rebuildBatchSize()) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + settings.rebuildBatchSize()));
                lock.lock();
                try {
                    index.putAll(reading.execute(status -> documents.load(batch)));
                } finally {
                    lock.unlock();
                }
            }
            index.commit();
            ready.countDown();
            log.info("Similarity index rebuilt: {} proposals in {} ms", ids.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Cannot rebuild the similarity index; trying again in {}", RETRY, e);
            rebuilder.schedule(this::rebuild, RETRY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ProposalChanged event) {
        update(event.proposalId());
    }

    /** The reply's text becomes searchable with its proposal. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReplySent event) {
        update(event.proposalId());
    }

    /** Replaces what the index has of the proposal with what the database has now. */
    void update(long proposalId) {
        lock.lock();
        try {
            List<IndexedProposal> loaded = reading.execute(status -> documents.load(List.of(proposalId)));
            if (loaded == null || loaded.isEmpty()) {
                index.remove(proposalId);
            } else {
                index.put(loaded.get(0));
            }
        } catch (RuntimeException e) {
            // The change itself is committed; the index catches up at the next change or start.
            log.error("Cannot update proposal {} in the similarity index", proposalId, e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the first rebuild after the start has finished; {@code false} if it has not by then. */
    boolean awaitReady(Duration timeout) {
        try {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fails with 503 (and {@code Retry-After}) while the index is still being rebuilt after a start. */
    void requireReady() {
        if (!awaitReady(settings.readyWait())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "相似提案索引正在建立，请稍后再试");
            problem.setTitle("暂不可用");
            ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
            unavailable.getHeaders().set("Retry-After", "30");
            throw unavailable;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        rebuilder.shutdownNow();
        rebuilder.awaitTermination(10, TimeUnit.SECONDS);
    }
}
