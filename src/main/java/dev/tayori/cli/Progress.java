package dev.tayori.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on a terminal; otherwise (a pipe, a log, the scheduler) a line every 10,000 units,
 * so a long import or mailing is never silent. Safe to call from several sender threads.
 */
final class Progress implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter log;
    private final String logLine;
    private long lastLogged;

    /** {@code logLine} is a format with one %d, e.g. "imported %d rows so far". */
    Progress(String task, String unit, long total, PrintWriter log, String logLine) {
        this.log = log;
        this.logLine = logLine;
        this.bar = System.console() != null && total > 0
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1).build()
                : null;
    }

    @Override
    public synchronized void accept(long done) {
        if (bar != null) {
            bar.stepTo(done);
        } else if (done - lastLogged >= 10_000) {
            log.println(String.format(logLine, done));
            log.flush();
            lastLogged = done;
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
