package com.tiercrm.tiering.web;

import java.util.ArrayList;
import java.util.List;

import com.tiercrm.tiering.cluster.Dendrogram;

/**
 * The top of a hierarchy drawn as SVG lines, as SciPy's {@code truncate_mode="lastp"}:
 * the last merges that leave one cluster, with each group formed below the cut shown as a
 * leaf labelled with its size. The page draws the lines; no chart library draws
 * dendrograms.
 *
 * @param width the drawing's width
 * @param height the drawing's height
 * @param lines the links
 * @param leaves the groups at the bottom, left to right
 * @param heights the merge heights marked on the axis, with their y
 */
record DendrogramPlot(int width, int height, List<Line> lines, List<Leaf> leaves, List<Tick> heights) {

	static final int WIDTH = 600;

	static final int HEIGHT = 260;

	private static final int MARGIN = 30;

	private static final int LABELS = 20;

	/**
	 * Draws the top of a hierarchy.
	 * @param dendrogram the hierarchy
	 * @param groups how many groups to show at the bottom
	 * @return the drawing
	 */
	static DendrogramPlot of(Dendrogram dendrogram, int groups) {
		int n = dendrogram.leaves();
		List<Dendrogram.Merge> merges = dendrogram.merges();
		int p = Math.max(2, Math.min(groups, n));
		int firstShown = n - p;
		double top = merges.get(merges.size() - 1).height();
		List<Integer> order = new ArrayList<>();
		collect(n + merges.size() - 1, n, firstShown, merges, order);
		double[] x = new double[2 * n];
		double[] y = new double[2 * n];
		double step = (double) (WIDTH - 2 * MARGIN) / Math.max(1, order.size() - 1);
		List<Leaf> leaves = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			int node = order.get(i);
			x[node] = MARGIN + i * step;
			y[node] = HEIGHT - LABELS;
			leaves.add(new Leaf(x[node], HEIGHT - 4, (node < n) ? 1 : merges.get(node - n).size()));
		}
		List<Line> lines = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		double scale = (top > 0) ? (HEIGHT - LABELS - MARGIN) / top : 0;
		for (int m = firstShown; m < merges.size(); m++) {
			Dendrogram.Merge merge = merges.get(m);
			int node = n + m;
			double h = HEIGHT - LABELS - merge.height() * scale;
			x[node] = (x[merge.left()] + x[merge.right()]) / 2;
			y[node] = h;
			lines.add(new Line(x[merge.left()], y[merge.left()], x[merge.left()], h));
			lines.add(new Line(x[merge.left()], h, x[merge.right()], h));
			lines.add(new Line(x[merge.right()], h, x[merge.right()], y[merge.right()]));
			if (m >= merges.size() - 3) {
				ticks.add(new Tick(h, merge.height()));
			}
		}
		return new DendrogramPlot(WIDTH, HEIGHT, lines, leaves, ticks);
	}

	/** The groups below the cut, left to right. */
	private static void collect(int node, int n, int firstShown, List<Dendrogram.Merge> merges, List<Integer> order) {
		if (node < n + firstShown) {
			order.add(node);
			return;
		}
		Dendrogram.Merge merge = merges.get(node - n);
		collect(merge.left(), n, firstShown, merges, order);
		collect(merge.right(), n, firstShown, merges, order);
	}

	/** A line from (x1, y1) to (x2, y2). */
	record Line(double x1, double y1, double x2, double y2) {

	}

	/** A group at the bottom and its number of customers. */
	record Leaf(double x, double y, int size) {

	}

	/** A merge height marked on the left. */
	record Tick(double y, double height) {

	}

}
