package com.tiercrm.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.ImportMode;
import com.tiercrm.imports.ImportRequest;
import com.tiercrm.imports.ImportStatus;

/**
 * One committed, all-or-nothing import of a generated file, timed with its peak heap, as
 * every import benchmark measures it; the benchmark's files are deleted afterwards.
 *
 * @param seconds from submitting the file to the finished job
 * @param fileMiB the file's size
 * @param peakHeapMiB the most heap used meanwhile (sampled)
 */
record TimedImport(double seconds, long fileMiB, long peakHeapMiB) {

	/**
	 * Imports the file and checks that it inserted every row.
	 * @param leftovers the benchmark's other files and folder, deleted with the file
	 */
	static TimedImport run(ImportManagement imports, ImportKind kind, Path file, int rows, Path... leftovers)
			throws IOException {
		System.gc();
		HeapSampler heap = new HeapSampler();
		long start = System.nanoTime();
		ImportJob job;
		try (InputStream in = Files.newInputStream(file)) {
			job = imports.submit(
					new ImportRequest(kind, file.getFileName().toString(), ImportMode.ATOMIC, false, null, "benchmark"),
					in);
		}
		finally {
			heap.stop();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long fileMiB = Files.size(file) / (1024 * 1024);
		Files.deleteIfExists(file);
		for (Path leftover : leftovers) {
			Files.deleteIfExists(leftover);
		}
		if (job.getStatus() != ImportStatus.SUCCEEDED || job.getCounts().inserted() != rows) {
			throw new IllegalStateException("The benchmark import did not insert every row: " + job.getStatus() + " "
					+ job.getCounts() + " " + job.getFailureKey());
		}
		return new TimedImport(seconds, fileMiB, heap.peakMiB());
	}

	static long maxHeapMiB() {
		return Runtime.getRuntime().maxMemory() / (1024 * 1024);
	}

}
