package dev.tayori.render;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long and how large one render of one template may be. A mail renders in microseconds to
 * kilobytes, but a template may loop over {@code 1..999999999} or {@code 1..} (no end), call a macro
 * that calls itself, or pad a string to a billion characters: at start that hung {@code serve} and
 * {@code campaigns validate} for good, or ended them with a 1,000-line stack trace. Each of these is
 * turned into a {@link TemplateProblem} for the file instead, so the operator reads what to fix.
 *
 * <p>Time: loops and macros of every template carry FreeMarker's own interruption checks (added once,
 * when the template is checked), and a watchdog interrupts a render that runs past {@link #TIME_MILLIS};
 * the flag is cleared again before the thread goes back to sending, so nothing else sees it.
 */
final class RenderLimits {
    static final long TIME_MILLIS = 5_000;
    /** Gmail clips a mail after about 100 KB; ten megabytes of text is never a mail. */
    static final int MAX_CHARS = 10_000_000;

    interface Render {
        void into(Writer out) throws freemarker.template.TemplateException, IOException;
    }

    private RenderLimits() {
    }

    /** Renders within the limits; {@code where} names the template in the problem (a file or file:line). */
    static String render(String where, Render render) throws freemarker.template.TemplateException, IOException {
        Watch watch = Watchdog.start();
        Capped out = new Capped();
        try {
            render.into(out);
            return out.text.toString();
        } catch (RuntimeException | freemarker.template.TemplateException | IOException e) {
            if (watch.fired() || interrupted(e)) {
                throw new TemplateProblem(where, 0, "rendering took longer than " + TIME_MILLIS / 1000 + " seconds"
                        + " (a loop over a huge range such as 1..999999999, or one with no end such as 1..);"
                        + " a mail renders in milliseconds", null);
            }
            if (out.full) {
                throw new TemplateProblem(where, 0, "the template printed more than " + MAX_CHARS / 1_000_000
                        + " million characters (a loop that never ends?); a mail is a few thousand", null);
            }
            throw e;
        } catch (StackOverflowError e) {
            throw new TemplateProblem(where, 0, "a macro or function calls itself without end"
                    + " (<#macro m><@m/></#macro>); give the calls a way to stop", null);
        } catch (OutOfMemoryError e) {
            // The allocation that failed was this render's (a ?left_pad of a billion, a string doubled in a
            // loop); all it built is garbage once we are out of it, so tayori can say so and go on.
            throw new TemplateProblem(where, 0, "rendering needed more memory than tayori has (a huge ?left_pad,"
                    + " ?right_pad or a text doubled in a loop); a mail is a few thousand characters", null);
        } finally {
            watch.done();
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith("TemplateProcessingThreadInterruptedException")) {
                return true;
            }
        }
        return false;
    }

    /** A writer that stops a render once it has printed more than any mail could hold. */
    private static final class Capped extends Writer {
        final StringBuilder text = new StringBuilder();
        boolean full;

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            if (text.length() + len > MAX_CHARS) {
                full = true;
                throw new IOException("more than " + MAX_CHARS + " characters");
            }
            text.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            if (text.length() + len > MAX_CHARS) {
                full = true;
                throw new IOException("more than " + MAX_CHARS + " characters");
            }
            text.append(s, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** One render under watch; its lock makes "fire" and "done" exclusive, so no stray interrupt remains. */
    static class Watch {
        private final Thread thread = Thread.currentThread();
        private final long deadline = System.nanoTime() + TIME_MILLIS * 1_000_000;
        private final boolean outer;
        private boolean fired;
        private boolean finished;

        Watch(boolean outer) {
            this.outer = outer;
        }

        synchronized boolean fired() {
            return fired;
        }

        synchronized void fireIfLate(long now) {
            if (!finished && !fired && now - deadline > 0) {
                fired = true;
                thread.interrupt();
            }
        }

        synchronized void done() {
            if (!outer) {
                return;
            }
            finished = true;
            Watchdog.watched.remove(this);
            if (fired) {
                Thread.interrupted(); // ours, not the caller's: clear it before the thread sends mail again
            }
        }
    }

    /** One daemon thread for all renders, looking every 100 ms. */
    private static final class Watchdog {
        static final Set<Watch> watched = ConcurrentHashMap.newKeySet();
        private static final ThreadLocal<Watch> current = new ThreadLocal<>();
        private static volatile boolean running;

        static Watch start() {
            Watch outer = current.get();
            if (outer != null && !outer.finished) {
                return new NestedWatch(outer); // a render inside a render: the outer one's clock holds
            }
            ensureRunning();
            Watch watch = new Watch(true);
            current.set(watch);
            watched.add(watch);
            return watch;
        }

        private static synchronized void ensureRunning() {
            if (running) {
                return;
            }
            running = true;
            Thread t = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    watched.forEach(w -> w.fireIfLate(now));
                }
            }, "tayori-render-watchdog");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The watch of a render inside another: it reports the outer one's state and leaves it running. */
    private static final class NestedWatch extends Watch {
        private final Watch outer;

        NestedWatch(Watch outer) {
            super(false);
            this.outer = outer;
        }

        @Override
        synchronized boolean fired() {
            return outer.fired();
        }
    }
}
