package com.tiercrm.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * The largest heap in use while a benchmark runs, sampled every 20 ms (the sum of the
 * pools' own peaks would add up peaks that never happened at the same time).
 */
final class HeapSampler {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long peak;

	HeapSampler() {
		this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
			while (this.running) {
				this.peak = Math.max(this.peak, this.memory.getHeapMemoryUsage().getUsed());
				LockSupport.parkNanos(20_000_000L);
			}
		});
	}

	void stop() {
		this.running = false;
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long peakMiB() {
		return this.peak / (1024 * 1024);
	}

}
