package com.tiercrm.tiering.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.tiercrm.tiering.clustertier.ClusterNames;
import com.tiercrm.tiering.clustertier.PublishedClusters;
import com.tiercrm.tiering.list.TierLabels;
import jakarta.validation.Valid;

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

	private final PublishedClusters clusters;

	private final ClusterNames names;

	private final TierLabels labels;

	private final MessageSource messages;

	ClusterController(PublishedClusters clusters, ClusterNames names, TierLabels labels, MessageSource messages) {
		this.clusters = clusters;
		this.names = names;
		this.labels = labels;
		this.messages = messages;
	}

	@GetMapping("/tiering/clusters")
	String clusters(Model model) {
		PublishedClusters.Report report = this.clusters.published().orElse(null);
		model.addAttribute("report", report);
		model.addAttribute("nameForms", (report != null) ? nameForms(report) : Map.of());
		return "tiering/clusters";
	}

	@PostMapping("/tiering/clusters/{classCode}/name")
	String rename(@PathVariable String classCode, @Valid @ModelAttribute("nameForm") ClusterNameForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
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
		clusters(model);
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
	private Map<String, ClusterNameForm> nameForms(PublishedClusters.Report report) {
		Map<String, ClusterNameForm> forms = new LinkedHashMap<>();
		for (PublishedClusters.Cluster cluster : report.clusters()) {
			String en = this.labels.label(cluster.tier(), Locale.ENGLISH);
			String zh = this.labels.label(cluster.tier(), Locale.SIMPLIFIED_CHINESE);
			int number = Integer.parseInt(cluster.classCode().substring(1));
			if (en.equals("Cluster " + number)) {
				en = suggested(cluster, Locale.ENGLISH);
			}
			if (zh.equals("第 " + number + " 群")) {
				zh = suggested(cluster, Locale.SIMPLIFIED_CHINESE);
			}
			forms.put(cluster.classCode(), new ClusterNameForm(en, zh));
		}
		return forms;
	}

	private String suggested(PublishedClusters.Cluster cluster, Locale locale) {
		return cluster.name()
			.stream()
			.map((term) -> this.messages.getMessage(term.key(), term.arguments().toArray(), locale))
			.collect(Collectors.joining(this.messages.getMessage("cluster.page.nameSeparator", null, locale)));
	}

}
