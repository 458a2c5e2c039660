package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.shared.ClusterLock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Keeps this node's index equal to the database: rebuilds it in the background once the
 * application has started (after Flyway's migrations), then follows the change log
 * ({@link SearchChanges}): every poll interval, and before every search so that a search sees
 * every committed change on any node, it reads the proposals changed since and replaces their
 * documents. A rebuild that fails is tried again.
 *
 * <p>The rebuild starts from the last change that is surely committed and applies everything after
 * it once more, so a change committed while it read cannot be lost. Reading the database and
 * writing the index happen under one lock.
 */
@Component
class SimilarityIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimilarityIndexer.class);
    private static final Duration RETRY = Duration.ofMinutes(1);
    /** Longer than any transaction that writes a change takes from its write to its commit. */
    static final Duration SETTLE = Duration.ofMinutes(5);
    /** The change log keeps a day: a node that was away longer rebuilds on its start anyway. */
    private static final Duration KEEP_CHANGES = Duration.ofDays(1);

    private final SimilarityIndex index;
    private final ProposalDocuments documents;
    private final SearchChanges changes;
    private final SimilaritySettings settings;
    private final ClusterLock clusterLock;
    private final TransactionTemplate reading;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Guarded by {@link #lock}; {@code null} until the first rebuild. */
    private AppliedChanges applied;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "similarity-index");
        thread.setDaemon(true);
        return thread;
    });

    SimilarityIndexer(SimilarityIndex index, ProposalDocuments documents, SearchChanges changes,
            SimilaritySettings settings, ClusterLock clusterLock, PlatformTransactionManager transactions) {
        this.index = index;
        this.documents = documents;
        this.changes = changes;
        this.settings = settings;
        this.clusterLock = clusterLock;
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnStart() {
        background.execute(this::rebuild);
        long poll = settings.pollInterval().toMillis();
        background.scheduleWithFixedDelay(this::pollChanges, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Reads every proposal again; the index is ready afterwards. */
    void rebuild() {
        long start = System.nanoTime();
        try {
            long settled = reading.execute(status -> changes.settledBefore(SETTLE));
            lock.lock();
            try {
                applied = null;
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
            lock.lock();
            try {
                applied = new AppliedChanges(settled, SETTLE);
            } finally {
                lock.unlock();
            }
            catchUp();
            index.commit();
            ready.countDown();
            log.info("Similarity index rebuilt: {} proposals in {} ms", ids.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Cannot rebuild the similarity index; trying again in {}", RETRY, e);
            background.schedule(this::rebuild, RETRY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private void pollChanges() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // the database may be away for a while: the next poll catches up
            log.warn("Cannot read the search index's changes: {}", e.toString());
        }
    }

    /** Applies the changes this node has not applied yet; nothing before the first rebuild. */
    void catchUp() {
        lock.lock();
        try {
            if (applied == null) {
                return;
            }
            int page = settings.rebuildBatchSize();
            long cursor = applied.floor();
            List<SearchChanges.Change> unread;
            do {
                long after = cursor;
                unread = reading.execute(status -> changes.after(after, page));
                Set<Long> proposals = new LinkedHashSet<>();
                for (SearchChanges.Change change : unread) {
                    if (!applied.isApplied(change.seq())) {
                        proposals.add(change.proposalId());
                    }
                    cursor = change.seq();
                }
                replace(proposals);
                unread.forEach(change -> applied.applied(change.seq()));
            } while (unread.size() == page);
            applied.advance(Instant.now());
        } finally {
            lock.unlock();
        }
    }

    /** Replaces what the index has of these proposals with what the database has now. */
    private void replace(Set<Long> proposalIds) {
        if (proposalIds.isEmpty()) {
            return;
        }
        List<IndexedProposal> loaded = reading.execute(status -> documents.load(proposalIds));
        Set<Long> gone = new HashSet<>(proposalIds);
        loaded.forEach(proposal -> gone.remove(proposal.id()));
        index.putAll(loaded);
        gone.forEach(index::remove);
    }

    /** Replaces the documents of these proposals now (the change log's work, for tests). */
    void replaceNow(Set<Long> proposalIds) {
        lock.lock();
        try {
            replace(proposalIds);
        } finally {
            lock.unlock();
        }
    }

    /** Once a day, by one node: the change log forgets what every node has long applied. */
    @Scheduled(cron = "0 30 3 * * *", zone = "${proposals.zone}")
    void deleteOldChanges() {
        clusterLock.runOnce("search-changes-clean-up", Duration.ofHours(1),
                () -> changes.deleteOlderThan(Instant.now().minus(KEEP_CHANGES)));
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

    /**
     * Fails with 503 (and {@code Retry-After}) while the index is still being rebuilt after a start;
     * afterwards applies the changes committed since the last poll, on any node.
     */
    void requireReady() {
        if (awaitReady(settings.readyWait())) {
            catchUp();
        } else {
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
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
