package com.tiercrm.today.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.tiercrm.security.CrmUser;
import com.tiercrm.today.TodayAgenda;
import com.tiercrm.web.WebProperties;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the signed-in user has to do today, and the full list of their customers the last
 * run moved down.
 */
@Controller
class TodayController {

	/** The rows each section of the page shows; the rest are a link away. */
	static final int SECTION_LIMIT = 8;

	private final TodayAgenda agenda;

	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	TodayController(TodayAgenda agenda, WebProperties web) {
		this.agenda = agenda;
		this.zone = web.timeZone();
	}

	@GetMapping("/today")
	String today(@AuthenticationPrincipal CrmUser user, Model model) {
		LocalDate day = LocalDate.now(this.clock.withZone(this.zone));
		model.addAttribute("day", day);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("today", this.agenda.today(user.id(), user.scope(),
				day.plusDays(1).atStartOfDay(this.zone).toInstant(), SECTION_LIMIT));
		return "today/index";
	}

	@GetMapping("/today/downgrades")
	String downgrades(@AuthenticationPrincipal CrmUser user, Model model) {
		model.addAttribute("moves", this.agenda.downgrades(user.id(), user.scope()));
		model.addAttribute("limit", TodayAgenda.FULL_LIST);
		return "today/downgrades";
	}

}
