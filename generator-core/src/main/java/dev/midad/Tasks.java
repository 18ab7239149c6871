package dev.midad;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Work a build runs on a thread of its own: starting it, and waiting for it. */
final class Tasks {
    private Tasks() {}

    /** Runs {@code task} on a thread of its own named {@code name}, one that does not keep the JVM alive. */
    static void startBeside(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What {@code task} gave, waiting for it even when interrupted (it writes into the output or the cache: it
     * must finish first); what it threw, as it threw it.
     */
    static <T> T joined(Future<T> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
