package com.tiercrm.tiering.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.tiercrm.tiering.cluster.ClusterProfile;
import com.tiercrm.tiering.clustertier.ClusterDiagnostics;
import com.tiercrm.tiering.clustertier.ClusterNames;
import com.tiercrm.tiering.clustertier.PublishedClusters;
import com.tiercrm.tiering.list.TierLabels;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The published run's clusters: each one's size, shares, profile and suggested name, and
 * how stable the clusters were against the run before; managers name them in both
 * languages.
 */
@Controller
class ClusterController {

	/** The bundle keys that name a categorical variable's levels, by variable. */
	private static final Map<String, String> LEVEL_KEYS = Map.of("type", "customer.type.", "gender", "gender.",
			"ageBand", "ageBand.", "incomeBand", "income.", "occupation", "occupation.");

	/** The groups at the bottom of the dendrogram. */
	static final int DENDROGRAM_GROUPS = 12;

	private final PublishedClusters clusters;

	private final ClusterNames names;

	private final TierLabels labels;

	private final MessageSource messages;

	private final JsonMapper json;

	ClusterController(PublishedClusters clusters, ClusterNames names, TierLabels labels, MessageSource messages,
			JsonMapper json) {
		this.json = json;
		this.clusters = clusters;
		this.names = names;
		this.labels = labels;
		this.messages = messages;
	}

	@GetMapping("/tiering/clusters")
	String clusters(Model model, Locale locale) {
		PublishedClusters.Report report = this.clusters.published().orElse(null);
		model.addAttribute("report", report);
		model.addAttribute("nameForms", (report != null) ? nameForms(report, locale) : Map.of());
		model.addAttribute("levelLabels", (report != null) ? levelLabels(report, locale) : Map.of());
		ClusterDiagnostics diagnostics = (report != null) ? report.diagnostics() : null;
		if (diagnostics != null) {
			charts(diagnostics, locale)
				.forEach((name, chart) -> model.addAttribute(name, this.json.writeValueAsString(chart)));
			if (diagnostics.dendrogram() != null) {
				model.addAttribute("dendrogram", DendrogramPlot.of(diagnostics.dendrogram(), DENDROGRAM_GROUPS));
			}
		}
		return "tiering/clusters";
	}

	/**
	 * The silhouette and elbow curves by K and the scree of the principal components, as
	 * the dashboard's script draws them.
	 */
	private Map<String, Map<String, Object>> charts(ClusterDiagnostics diagnostics, Locale locale) {
		Map<String, Map<String, Object>> charts = new LinkedHashMap<>();
		List<String> ks = diagnostics.scores().stream().map((score) -> "K = " + score.k()).toList();
		if (!ks.isEmpty()) {
			charts.put("silhouetteChart", chart("bar", ks, message("cluster.chart.silhouette", locale),
					diagnostics.scores().stream().map((score) -> round(score.silhouette())).toList()));
			charts.put("elbowChart", chart("line", ks, message("cluster.chart.wcss", locale),
					diagnostics.scores().stream().map((score) -> round(score.wcss())).toList()));
		}
		if (!diagnostics.explainedVariance().isEmpty()) {
			List<String> factors = new ArrayList<>();
			for (int i = 1; i <= diagnostics.explainedVariance().size(); i++) {
				factors.add(message("cluster.chart.factor", locale, i));
			}
			Map<String, Object> scree = chart("bar", factors, message("cluster.chart.explained", locale),
					diagnostics.explainedVariance().stream().map((share) -> round(share * 100)).toList());
			scree.put("percent", true);
			charts.put("screeChart", scree);
		}
		return charts;
	}

	private static Map<String, Object> chart(String type, List<String> labels, String label, List<Double> data) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", type);
		chart.put("labels", labels);
		chart.put("yLabel", label);
		chart.put("datasets", List.of(Map.of("label", label, "data", data)));
		return chart;
	}

	/**
	 * The words for each category level shown, by {@code variable=level}: a region's or
	 * industry's name, another level's name in the bundles, else the level as stored.
	 */
	private Map<String, String> levelLabels(PublishedClusters.Report report, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String column : report.indicatorColumns()) {
			int at = column.indexOf('=');
			labels.put(column, levelLabel(report, column.substring(0, at), column.substring(at + 1), locale));
		}
		for (PublishedClusters.Cluster cluster : report.clusters()) {
			for (PublishedClusters.Category category : cluster.categories()) {
				labels.computeIfAbsent(category.variable() + "=" + category.level(),
						(column) -> levelLabel(report, category.variable(), category.level(), locale));
			}
		}
		return labels;
	}

	private String levelLabel(PublishedClusters.Report report, String variable, String level, Locale locale) {
		String name = report.levelName(variable, level, Locale.CHINESE.getLanguage().equals(locale.getLanguage()));
		if (name != null) {
			return name;
		}
		String prefix = LEVEL_KEYS.get(variable);
		return (prefix != null) ? this.messages.getMessage(prefix + level, null, level, locale) : level;
	}

	/** A suggested name's arguments, a category's level in words. */
	private Object[] nameArguments(PublishedClusters.Report report, ClusterProfile.NameTerm term, Locale locale) {
		String prefix = "cluster.name.category.";
		if (term.key().startsWith(prefix) && term.arguments().size() == 1) {
			return new Object[] {
					levelLabel(report, term.key().substring(prefix.length()), term.arguments().get(0), locale) };
		}
		return term.arguments().toArray();
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	private static double round(double value) {
		return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : 0;
	}

	@PostMapping("/tiering/clusters/{classCode}/name")
	String rename(@PathVariable String classCode, @Valid @ModelAttribute("nameForm") ClusterNameForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.names.rename(classCode, form.nameEn(), form.nameZh());
				redirect.addFlashAttribute("message", "cluster.rename.saved");
				redirect.addFlashAttribute("messageArg", form.nameEn() + " / " + form.nameZh());
				return "redirect:/tiering/clusters";
			}
			catch (IllegalArgumentException ex) {
				result.reject(ex.getMessage());
			}
		}
		// The page again, with what was written kept in this cluster's form.
		clusters(model, locale);
		@SuppressWarnings("unchecked")
		Map<String, ClusterNameForm> forms = new LinkedHashMap<>(
				(Map<String, ClusterNameForm>) model.getAttribute("nameForms"));
		forms.put(classCode, form);
		model.addAttribute("nameForms", forms);
		model.addAttribute("nameErrorCode", classCode);
		return "tiering/clusters";
	}

	/**
	 * Each cluster's names to start from: the names given, else the suggested name in
	 * each language.
	 */
	private Map<String, ClusterNameForm> nameForms(PublishedClusters.Report report, Locale locale) {
		Map<String, ClusterNameForm> forms = new LinkedHashMap<>();
		for (PublishedClusters.Cluster cluster : report.clusters()) {
			String en = this.labels.label(cluster.tier(), Locale.ENGLISH);
			String zh = this.labels.label(cluster.tier(), Locale.SIMPLIFIED_CHINESE);
			int number = Integer.parseInt(cluster.classCode().substring(1));
			if (en.equals("Cluster " + number)) {
				en = suggested(report, cluster, Locale.ENGLISH);
			}
			if (zh.equals("第 " + number + " 群")) {
				zh = suggested(report, cluster, Locale.SIMPLIFIED_CHINESE);
			}
			forms.put(cluster.classCode(), new ClusterNameForm(en, zh));
		}
		return forms;
	}

	private String suggested(PublishedClusters.Report report, PublishedClusters.Cluster cluster, Locale locale) {
		return cluster.name()
			.stream()
			.map((term) -> this.messages.getMessage(term.key(), nameArguments(report, term, locale), locale))
			.collect(Collectors.joining(this.messages.getMessage("cluster.page.nameSeparator", null, locale)));
	}

}
