package org.minedecl.client.desktop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Measures how long the event thread was unavailable, two ways. (1) Every event the event thread handles is timed
 * (wall clock and the event thread's CPU time); an event that runs a modal dialog's loop counts only up to the
 * first event of that loop (the rest is the dialog's own events, each timed). (2) A background thread posts a
 * heartbeat every millisecond and records how long each waited to run (this includes the time the operating
 * system gave the event thread no core). {@link #reset()} starts a new phase.
 */
final class EdtWatchdog implements AutoCloseable {
    private final TimingQueue queue = new TimingQueue();
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong beats = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;

    EdtWatchdog() {
        java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue().push(queue);
        thread = new Thread(this::beat, "edt-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void beat() {
        while (!stop) {
            CountDownLatch ran = new CountDownLatch(1);
            long posted = System.nanoTime();
            AtomicLong waited = new AtomicLong();
            SwingUtilities.invokeLater(() -> {
                waited.set(System.nanoTime() - posted);
                ran.countDown();
            });
            try {
                while (!ran.await(1, TimeUnit.MILLISECONDS)) {
                    // still blocked: the wait counts as it grows, so a phase that ends while blocked still sees it
                    longest.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    if (stop) {
                        return;
                    }
                }
                longest.accumulateAndGet(waited.get(), Math::max);
                beats.incrementAndGet();
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest wait since the last reset, in milliseconds. */
    double longestMillis() {
        return longest.get() / 1e6;
    }

    long beats() {
        return beats.get();
    }

    void reset() {
        longest.set(0);
        beats.set(0);
        queue.reset();
    }

    /** The longest single event since the last reset: wall ms, CPU ms of the event thread, what it was. */
    String longestEvent() {
        return queue.longest();
    }

    double longestEventMillis() {
        return queue.longestWall / 1e6;
    }

    double longestEventCpuMillis() {
        return queue.longestCpu / 1e6;
    }

    /** Times each event it dispatches; nested dispatches (a modal dialog's loop) end the outer one's count. */
    static final class TimingQueue extends java.awt.EventQueue {
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory
                .getThreadMXBean();
        private final java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
        volatile long longestWall;
        volatile long longestCpu;
        volatile String longestWhat = "-";

        /** An event being dispatched. */
        private static final class Open {
            final java.awt.AWTEvent event;
            final long wall0;
            final long cpu0;
            boolean nested;

            Open(java.awt.AWTEvent event, long wall0, long cpu0) {
                this.event = event;
                this.wall0 = wall0;
                this.cpu0 = cpu0;
            }
        }

        @Override
        protected void dispatchEvent(java.awt.AWTEvent e) {
            Open outer = open.peek();
            if (outer != null && !outer.nested) {
                // the outer event now runs a nested loop (a modal dialog): it counts up to here
                record(outer);
                outer.nested = true;
            }
            Open me = new Open(e, System.nanoTime(), threads.getCurrentThreadCpuTime());
            open.push(me);
            try {
                super.dispatchEvent(e);
            } finally {
                open.pop();
                if (!me.nested) {
                    record(me);
                }
            }
        }

        private void record(Open o) {
            long wall = System.nanoTime() - o.wall0;
            if (wall > longestWall) {
                longestWall = wall;
                longestCpu = threads.getCurrentThreadCpuTime() - o.cpu0;
                String what = o.event.toString();
                longestWhat = what.length() > 160 ? what.substring(0, 160) : what;
            }
        }

        void reset() {
            longestWall = 0;
            longestCpu = 0;
            longestWhat = "-";
        }

        String longest() {
            return String.format("%.1f ms (CPU %.1f ms): %s", longestWall / 1e6, longestCpu / 1e6, longestWhat);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(2000);
    }
}
