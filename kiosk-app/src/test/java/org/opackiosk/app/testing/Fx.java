package org.opackiosk.app.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the JavaFX application thread and waits for the UI to settle. */
public final class Fx {

    private Fx() {
    }

    public static void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    public static <T> T call(Callable<T> task) {
        try {
            T value = WaitForAsyncUtils.asyncFx(task).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return value;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not run the task within 30 s", e);
        }
    }
}
