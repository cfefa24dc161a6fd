package dev.tayori.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on a terminal; otherwise (a pipe, a log) a line every 10,000 rows. */
final class ImportProgress implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;
    private final PrintWriter log;
    private long lastLogged;

    ImportProgress(long total, PrintWriter log) {
        this.log = log;
        this.bar = System.console() != null && total > 0
                ? new ProgressBarBuilder().setTaskName("import").setInitialMax(total).setUnit(" rows", 1).build()
                : null;
    }

    @Override
    public void accept(long rows) {
        if (bar != null) {
            bar.stepTo(rows);
        } else if (rows - lastLogged >= 10_000) {
            log.println("imported " + rows + " rows so far");
            log.flush();
            lastLogged = rows;
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
