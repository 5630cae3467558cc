package com.tiercrm.tiering.clustertier;

import java.util.List;

import com.tiercrm.tiering.cluster.Dendrogram;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What helps a manager choose the variables and K, kept with each run that made clusters:
 * the within-cluster sum of squares (the elbow) and the mean silhouette per K on a
 * sample, the principal components of the variables (the scree and the loadings), and
 * Ward's hierarchy of a small sample (the dendrogram).
 *
 * @param scores per K from 2, the WCSS and mean silhouette of k-means on a sample
 * @param silhouetteK the K with the highest mean silhouette, {@code null} without scores
 * @param elbowK the K at the elbow of the WCSS curve, {@code null} without scores
 * @param variables the variables, in the order of each component's loadings
 * @param explainedVariance each principal component's share of the variance, largest
 * first
 * @param loadings per component, each variable's loading (its correlation with the
 * component)
 * @param dendrogram Ward's hierarchy of a sample of the customers, {@code null} for fewer
 * than three
 */
@NamedInterface("clustertier")
public record ClusterDiagnostics(List<Score> scores, @Nullable Integer silhouetteK, @Nullable Integer elbowK,
		List<String> variables, List<Double> explainedVariance, List<List<Double>> loadings,
		@Nullable Dendrogram dendrogram) {

	/** The customers Ward's hierarchy is drawn for. */
	public static final int DENDROGRAM_ROWS = 200;

	/**
	 * One K's figures.
	 *
	 * @param k the number of clusters
	 * @param wcss the within-cluster sum of squares
	 * @param silhouette the mean silhouette
	 */
	@NamedInterface("clustertier")
	public record Score(int k, double wcss, double silhouette) {

	}

}
