package com.tiercrm.market.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.market.MarketShares;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /tiering/market}: the market sizes managers enter per region or industry and
 * period, and our share of each.
 */
@Controller
class MarketController {

	private final MarketShares shares;

	private final ReferenceData references;

	MarketController(MarketShares shares, ReferenceData references) {
		this.shares = shares;
		this.references = references;
	}

	@GetMapping("/tiering/market")
	String page(Model model, Locale locale) {
		return show(MarketSizeForm.empty(), model, locale);
	}

	@PostMapping("/tiering/market")
	String enter(@Valid @ModelAttribute("form") MarketSizeForm form, BindingResult result,
			@AuthenticationPrincipal CrmUser user, Model model, Locale locale, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			String[] segment = Objects.requireNonNull(form.segment()).split("\\|", 2);
			try {
				this.shares.enter(MarketShares.Dimension.valueOf(segment[0]), segment[1],
						Objects.requireNonNull(form.start()), Objects.requireNonNull(form.end()),
						Objects.requireNonNull(form.amount()), user.getUsername());
				redirect.addFlashAttribute("message", "market.saved");
				redirect.addFlashAttribute("messageArg", segment[1]);
				return "redirect:/tiering/market";
			}
			catch (IllegalArgumentException ex) {
				result.reject(Objects.requireNonNull(ex.getMessage()));
			}
		}
		model.addAttribute("marketError", result.hasGlobalErrors()
				? Objects.requireNonNull(result.getGlobalError()).getCode() : "market.invalid.fields");
		return show(form, model, locale);
	}

	@PostMapping("/tiering/market/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		this.shares.remove(id);
		redirect.addFlashAttribute("message", "market.removed");
		redirect.addFlashAttribute("messageArg", "#" + id);
		return "redirect:/tiering/market";
	}

	private String show(MarketSizeForm form, Model model, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("shares", this.shares.all());
		Map<String, String> segments = new LinkedHashMap<>();
		add(segments, "REGION", this.references.catalog(ReferenceKind.REGION), locale);
		add(segments, "INDUSTRY", this.references.catalog(ReferenceKind.INDUSTRY), locale);
		model.addAttribute("segments", segments);
		return "tiering/market";
	}

	private static void add(Map<String, String> segments, String dimension, ReferenceCatalog catalog, Locale locale) {
		for (ReferenceEntry entry : catalog.entries()) {
			segments.put(dimension + "|" + entry.code(), entry.name(locale));
		}
	}

}
