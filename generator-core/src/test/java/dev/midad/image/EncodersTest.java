package dev.midad.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EncodersTest {
    @Test
    void aProbeOnAnotherThreadUsesTheClassLoaderOfTheBuildThatAskedAndRestoresItsOwn() throws Exception {
        ClassLoader builds = new URLClassLoader(new URL[0], getClass().getClassLoader()); // as a Maven plugin's
        ClassLoader workers = new URLClassLoader(new URL[0], getClass().getClassLoader());
        List<ClassLoader> seen = new CopyOnWriteArrayList<>();
        Thread main = Thread.currentThread();
        ClassLoader mainLoader = main.getContextClassLoader();
        Encoders encoders;
        main.setContextClassLoader(builds);
        try {
            encoders = Encoders.detect(format -> {
                seen.add(Thread.currentThread().getContextClassLoader());
                return Optional.empty();
            });
        } finally {
            main.setContextClassLoader(mainLoader);
        }
        assertTrue(seen.isEmpty(), "nothing is probed before it is asked for");

        ClassLoader[] after = new ClassLoader[1];
        Thread worker = new Thread(() -> {
            encoders.has(ImageFormat.WEBP);
            after[0] = Thread.currentThread().getContextClassLoader();
        });
        worker.setContextClassLoader(workers);
        worker.start();
        worker.join();

        assertEquals(ImageFormat.values().length, seen.size(), "every format probed once");
        seen.forEach(loader -> assertSame(builds, loader, "probed with the asking build's loader"));
        assertSame(workers, after[0], "the worker's own loader is back");
    }
}
