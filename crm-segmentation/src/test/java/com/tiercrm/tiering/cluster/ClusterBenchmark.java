package com.tiercrm.tiering.cluster;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Times the cluster analysis of a million synthetic customers with twelve variables
 * (standardise, choose K from 2 to 10 with sampled silhouettes, k-means with ten starts)
 * and prints one JSON line. Run it from the module directory after a test compile:
 * {@code java -cp target/test-classes:target/classes:<hipparchus-core jar>
 * com.tiercrm.tiering.cluster.ClusterBenchmark [rows] [--write <file>] [--full]}.
 * {@code --write} stores the standardised matrix (little-endian doubles, row after row)
 * for {@code src/test/resources/cluster/kmeans_sklearn.py}; {@code --full} also times ten
 * k-means starts on all rows, the way scikit-learn runs them.
 */
public final class ClusterBenchmark {

	static final long SEED = 20261207L;

	static final int COLUMNS = 12;

	private ClusterBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int rows = 1_000_000;
		String file = null;
		boolean full = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--write" -> file = args[++i];
				case "--full" -> full = true;
				default -> rows = Integer.parseInt(args[i]);
			}
		}
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		ClusterInput input = synthesise(rows, new SplittableRandom(SEED));

		double cpuBegin = cpuSeconds();
		long start = System.nanoTime();
		DataMatrix matrix = ClusterAnalysis.prepare(input).matrix();
		double prepareSeconds = seconds(start);
		start = System.nanoTime();
		double cpuStart = cpuSeconds();
		KChoice.Settings settings = KChoice.Settings.defaults(SEED);
		if (System.getProperty("clustered") != null) {
			settings = new KChoice.Settings(Integer.getInteger("clustered"), Integer.getInteger("silhouette"),
					Integer.getInteger("starts"), SEED);
		}
		KChoice choice = KChoice.suggest(matrix, 2, 10, settings);
		double chooseSeconds = seconds(start);
		double chooseCpuSeconds = cpuSeconds() - cpuStart;
		start = System.nanoTime();
		KMeansFit fit = KMeans.fitFromSample(matrix, choice.suggested(), 10, 50_000, SEED);
		double fitSeconds = seconds(start);
		double cpuTotal = cpuSeconds() - cpuBegin;
		if (file != null) {
			write(matrix, file);
		}
		String fullFigures = "";
		if (full) {
			start = System.nanoTime();
			KMeansFit allRows = KMeans.fit(matrix, choice.suggested(), 10, SEED);
			fullFigures = String.format(Locale.ROOT, ", \"fullStartsSeconds\":%.3f, \"fullStartsWcss\":%.2f",
					seconds(start), allRows.wcss());
		}
		System.out.println(String.format(Locale.ROOT,
				"{\"rows\":%d, \"columns\":%d, \"processors\":%d, \"loadAverage\":%.2f, \"prepareSeconds\":%.3f, "
						+ "\"chooseKSeconds\":%.3f, \"chooseKCpuSeconds\":%.3f, \"fitSeconds\":%.3f, \"totalSeconds\":%.3f, \"totalCpuSeconds\":%.3f, \"suggestedK\":%d, "
						+ "\"elbowK\":%d, \"silhouettes\":{%s}, \"wcss\":%.2f, \"iterations\":%d, \"converged\":%b%s}",
				rows, COLUMNS, Runtime.getRuntime().availableProcessors(), load, prepareSeconds, chooseSeconds,
				chooseCpuSeconds, fitSeconds, prepareSeconds + chooseSeconds + fitSeconds, cpuTotal, choice.suggested(),
				choice.elbow(),
				choice.scores()
					.stream()
					.map((score) -> String.format(Locale.ROOT, "\"%d\":%.4f", score.k(), score.silhouette()))
					.collect(Collectors.joining(", ")),
				fit.wcss(), fit.iterations(), fit.converged(), fullFigures));
	}

	/**
	 * Customers from six groups of unequal size (30 % down to 6 %): centres uniform in
	 * [-3, 3] on each of twelve variables, spreads from 1 to 1.4. The groups touch, so
	 * k-means has local optima to fall into, yet six is recoverable (a known answer for
	 * the choice of K).
	 */
	static ClusterInput synthesise(int rows, SplittableRandom random) {
		int groups = 6;
		double[][] centres = new double[groups][COLUMNS];
		double[] spreads = new double[groups];
		double[] weights = { 0.30, 0.22, 0.18, 0.14, 0.10, 0.06 };
		for (int g = 0; g < groups; g++) {
			for (int j = 0; j < COLUMNS; j++) {
				centres[g][j] = random.nextDouble() * 6 - 3;
			}
			spreads[g] = 1 + 0.4 * random.nextDouble();
		}
		double[][] columns = new double[COLUMNS][rows];
		for (int r = 0; r < rows; r++) {
			double u = random.nextDouble();
			int g = 0;
			while (g < groups - 1 && u >= weights[g]) {
				u -= weights[g];
				g++;
			}
			for (int j = 0; j < COLUMNS; j++) {
				columns[j][r] = centres[g][j] + spreads[g] * Blobs.normal(random);
			}
		}
		List<NumericVariable> variables = new ArrayList<>();
		for (int j = 0; j < COLUMNS; j++) {
			variables.add(NumericVariable.linear("v" + (j + 1), columns[j]));
		}
		return ClusterInput.numeric(variables);
	}

	private static void write(DataMatrix matrix, String file) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(file)))) {
			for (double value : matrix.values()) {
				if (!buffer.hasRemaining()) {
					out.write(buffer.array(), 0, buffer.position());
					buffer.clear();
				}
				buffer.putDouble(value);
			}
			out.write(buffer.array(), 0, buffer.position());
		}
	}

	/**
	 * CPU time of all the process's threads: on a shared machine, wall time says little.
	 */
	private static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
