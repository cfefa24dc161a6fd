package dev.tayori.readers;

import dev.tayori.subscriber.SubscriberImport;
import dev.tayori.subscriber.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports started from the browser, run one at a time on a background thread so that a large file
 * does not hold the request; the page asks here how far a run has got. Only the latest runs are
 * remembered (in memory: a restart forgets the page, never the rows, which are in the database).
 */
public final class ImportRuns {
    private static final int KEPT = 20;

    /** One run: rows read so far out of all, then the result, or the problem that ended it. */
    public static final class Run {
        private final long rows;
        private volatile long done;
        private volatile SubscriberImport.Result result;
        private volatile boolean failed;

        Run(long rows) {
            this.rows = rows;
        }

        public long rows() {
            return rows;
        }

        public long done() {
            return done;
        }

        public Optional<SubscriberImport.Result> result() {
            return Optional.ofNullable(result);
        }

        public boolean failed() {
            return failed;
        }
    }

    private final Map<String, Run> runs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
            return size() > KEPT;
        }
    };
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tayori-import");
        t.setDaemon(true);
        return t;
    });

    /** Starts the planned import; {@code file} is deleted when it ends. Answers the run's key. */
    public String start(SubscriberImport importer, SubscriberImport.Plan plan, Path file) {
        String key = Tokens.newToken();
        Run run = new Run(plan.rows());
        synchronized (runs) {
            runs.put(key, run);
        }
        worker.submit(() -> {
            try {
                run.result = importer.run(plan, null, done -> run.done = done);
            } catch (Exception e) { // the page says it failed; the rows written so far stay (batches are whole)
                run.failed = true;
            } finally {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is the system's to clean
                }
            }
        });
        return key;
    }

    public Optional<Run> find(String key) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(key));
        }
    }
}
