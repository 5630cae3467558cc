package com.tiercrm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.tiercrm.tiering.forecast.StoredForecast;
import com.tiercrm.tiering.insight.RunDashboard;

/**
 * The PDF report's line charts as SVG coordinates: the template draws the axes and the
 * polylines, these place the points in a {@value #WIDTH} × {@value #HEIGHT} plot.
 */
final class ReportCharts {

	static final int WIDTH = 400;

	static final int HEIGHT = 200;

	private ReportCharts() {
	}

	/**
	 * The Pareto (Lorenz) curve: share of customers against share of revenue, both 0 to
	 * 1, with the diagonal of equal shares as the second line.
	 */
	static Chart pareto(List<RunDashboard.LorenzPoint> points) {
		List<double[]> curve = new ArrayList<>();
		curve.add(new double[] { 0, 0 });
		for (RunDashboard.LorenzPoint point : points) {
			curve.add(new double[] { point.customerShare(), point.revenueShare() });
		}
		return new Chart(List.of(), 1, polyline(curve, 1, 1),
				polyline(List.of(new double[] { 0, 0 }, new double[] { 1, 1 }), 1, 1));
	}

	/**
	 * The holdout check (Fader, Hardie and Lee's chart): per number of purchases in the
	 * calibration period, the predicted and the actual mean purchases in the holdout.
	 */
	static Chart holdout(List<StoredForecast.Row> rows) {
		List<double[]> predicted = new ArrayList<>();
		List<double[]> actual = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		double top = 0;
		for (int i = 0; i < rows.size(); i++) {
			StoredForecast.Row row = rows.get(i);
			predicted.add(new double[] { i, row.meanExpectedPurchases() });
			actual.add(new double[] { i, row.meanActualPurchases() });
			top = Math.max(top, Math.max(row.meanExpectedPurchases(), row.meanActualPurchases()));
			groups.add(row.groupKey());
		}
		double right = Math.max(1, rows.size() - 1);
		double height = (top > 0) ? top : 1;
		return new Chart(groups, height, polyline(predicted, right, height), polyline(actual, right, height));
	}

	private static String polyline(List<double[]> points, double right, double top) {
		StringBuilder svg = new StringBuilder();
		for (double[] point : points) {
			if (!svg.isEmpty()) {
				svg.append(' ');
			}
			svg.append(String.format(Locale.ROOT, "%.1f,%.1f", point[0] / right * WIDTH,
					HEIGHT - point[1] / top * HEIGHT));
		}
		return svg.toString();
	}

	/**
	 * Two polylines in the plot's coordinates.
	 *
	 * @param groups the x axis' labels, evenly spaced (none for a 0-to-1 axis)
	 * @param top the value at the top of the y axis
	 * @param first the first line's points
	 * @param second the second line's points
	 */
	record Chart(List<String> groups, double top, String first, String second) {

		public int width() {
			return WIDTH;
		}

		public int height() {
			return HEIGHT;
		}

		/**
		 * Where the x axis' label of the group at this index goes.
		 */
		public double groupX(int index) {
			return (this.groups.size() > 1) ? (double) index / (this.groups.size() - 1) * WIDTH : 0;
		}

	}

}
