package com.tiercrm.search.web;

import com.tiercrm.search.GlobalSearch;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the navigation's search box finds: customers and contacts within the user's scope,
 * best matches first.
 */
@Controller
class SearchController {

	private final GlobalSearch search;

	SearchController(GlobalSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	String results(@RequestParam(name = "q", required = false) @Nullable String text,
			@AuthenticationPrincipal CrmUser user, Model model) {
		model.addAttribute("results",
				this.search.search((text != null) ? text : "", user.scope(), GlobalSearch.PAGE_LIMIT));
		return "search/results";
	}

}
