package com.tiercrm.web;

import com.tiercrm.account.Role;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the home page, which sends each user to where their day starts.
 */
@Controller
class PageController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * Reps start their day on Today; managers and admins, who mostly look across books,
	 * on the dashboard (Today is in their navigation).
	 */
	@GetMapping("/")
	String home(@AuthenticationPrincipal @Nullable CrmUser user) {
		return (user != null && user.role() == Role.SALES_REP) ? "redirect:/today" : "redirect:/dashboard";
	}

}
