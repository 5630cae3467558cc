package com.tiercrm.tiering.web;

import com.tiercrm.tiering.clustertier.PublishedClusters;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The published run's clusters: each one's size, shares, profile and suggested name, and
 * how stable the clusters were against the run before.
 */
@Controller
class ClusterController {

	private final PublishedClusters clusters;

	ClusterController(PublishedClusters clusters) {
		this.clusters = clusters;
	}

	@GetMapping("/tiering/clusters")
	String clusters(Model model) {
		model.addAttribute("report", this.clusters.published().orElse(null));
		return "tiering/clusters";
	}

}
