package com.tiercrm.tiering.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fisher's iris measurements (test resource {@code cluster/iris.csv}, see its README).
 */
record Iris(double[][] measurements, int[] species) {

	static final List<String> VARIABLES = List.of("sepalLength", "sepalWidth", "petalLength", "petalWidth");

	static Iris load() {
		try (InputStream stream = Iris.class.getResourceAsStream("/cluster/iris.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
			int rows = Integer.parseInt(reader.readLine().split(",")[0]);
			double[][] measurements = new double[rows][4];
			int[] species = new int[rows];
			for (int r = 0; r < rows; r++) {
				String[] fields = reader.readLine().split(",");
				for (int j = 0; j < 4; j++) {
					measurements[r][j] = Double.parseDouble(fields[j]);
				}
				species[r] = Integer.parseInt(fields[4]);
			}
			return new Iris(measurements, species);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	DataMatrix matrix() {
		return DataMatrix.ofRows(this.measurements);
	}

	ClusterInput input() {
		return ClusterInput
			.numeric(VARIABLES.stream().map((name) -> NumericVariable.linear(name, column(name))).toList());
	}

	double[] column(String name) {
		int j = VARIABLES.indexOf(name);
		double[] column = new double[this.measurements.length];
		for (int r = 0; r < column.length; r++) {
			column[r] = this.measurements[r][j];
		}
		return column;
	}

}
