package com.trustlens.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak driver memory while it is open (in local mode the executors share the JVM): heap used,
 * polled every 50 ms, and heap still used right after each garbage collection, which is the
 * memory the work really held rather than garbage waiting for the collector.
 */
final class MemoryWatch implements AutoCloseable {
  private static final long POLL_MS = 50;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread poller;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener afterGc = this::onGc;
  private volatile long peakUsed;
  private volatile long peakAfterGc;
  private volatile boolean open = true;

  MemoryWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(afterGc, null, null);
        emitters.add(e);
      }
    }
    peakUsed = used();
    poller = new Thread(() -> {
      while (open) {
        peakUsed = Math.max(peakUsed, used());
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-memory-watch");
    poller.setDaemon(true);
    poller.start();
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
    // The map also holds non-heap pools (metaspace, code cache); they are small and steady beside the heap.
    peakAfterGc = Math.max(peakAfterGc, after);
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Highest heap used seen by the poller, in MiB (garbage included). */
  long peakUsedMiB() {
    return Math.max(peakUsed, used()) >> 20;
  }

  /** Highest memory still used after a collection, in MiB (0 when no collection ran). */
  long peakAfterGcMiB() {
    return peakAfterGc >> 20;
  }

  @Override
  public void close() {
    open = false;
    poller.interrupt();
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(afterGc);
      } catch (ListenerNotFoundException ignored) {
        // Already gone: nothing to undo.
      }
    }
  }
}
