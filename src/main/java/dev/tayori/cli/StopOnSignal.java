package dev.tayori.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM (systemd, docker stop, Kubernetes) or Ctrl-C for a command that must end cleanly. The JVM
 * halts as soon as its shutdown hooks return, with status 143 after SIGTERM: a hook that only wakes
 * the main thread lets the JVM halt in the middle of the main thread's cleanup, with mails on the wire
 * and rows still claimed. This hook asks the command to stop, waits (bounded) until the command says
 * its cleanup is done, and then ends the process itself with the command's exit status.
 */
final class StopOnSignal implements AutoCloseable {
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile int status = ExitCodes.FAILED;

    /**
     * @param onStop run by the hook first: how to tell the command's work to stop (the main thread may
     *               be busy with it rather than waiting in {@link #awaitSignal()})
     * @param patience how long the hook waits for {@link #finished(int)} before it ends the process anyway
     */
    StopOnSignal(Runnable onStop, Duration patience) {
        hook = new Thread(() -> {
            try {
                onStop.run();
            } finally {
                asked.countDown();
            }
            boolean done;
            try {
                done = finished.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                done = false;
            }
            System.out.flush();
            System.err.flush();
            // halt, not exit: the JVM is already shutting down, and only halt sets the status now
            Runtime.getRuntime().halt(done ? status : ExitCodes.FAILED);
        }, "stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits until the process is asked to stop. */
    void awaitSignal() throws InterruptedException {
        asked.await();
    }

    /** Whether the process has been asked to stop. */
    boolean signalled() {
        return asked.getCount() == 0;
    }

    /** The command's cleanup is done: a hook waiting for it ends the process with {@code exitStatus}. */
    void finished(int exitStatus) {
        this.status = exitStatus;
        finished.countDown();
    }

    /**
     * Without a signal, the hook is taken back and the command returns as usual. When the JVM is
     * already shutting down, the hook is running: it is told the command is done (failed, unless
     * {@link #finished(int)} said otherwise) and ends the process.
     */
    @Override
    public void close() {
        if (finished.getCount() > 0) {
            finished(ExitCodes.FAILED);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook has the last word
        }
    }
}
