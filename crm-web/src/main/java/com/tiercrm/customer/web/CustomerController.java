package com.tiercrm.customer.web;

import java.io.IOException;
import java.util.Locale;

import com.tiercrm.account.OwnerOptions;
import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.order.SalesProperties;
import com.tiercrm.savedview.SavedViews;
import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.list.InvalidListCursorException;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The customer list and a customer's page.
 */
@Controller
class CustomerController {

	private final TieredCustomerSearch search;

	private final CustomerExport export;

	private final CustomerProfiles profiles;

	private final OwnerOptions owners;

	private final SalesProperties sales;

	private final CustomerWords words;

	private final AuditLog audit;

	private final SavedViews views;

	CustomerController(TieredCustomerSearch search, CustomerExport export, CustomerProfiles profiles,
			OwnerOptions owners, SalesProperties sales, CustomerWords words, AuditLog audit, SavedViews views) {
		this.search = search;
		this.audit = audit;
		this.export = export;
		this.profiles = profiles;
		this.owners = owners;
		this.sales = sales;
		this.words = words;
		this.views = views;
	}

	@GetMapping("/customers")
	String list(@Valid @ModelAttribute("filter") CustomerListForm filter, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Locale locale, Model model) {
		TierFilterOptions options = this.search.filterOptions();
		filter.rejectUnknownValues(options, binding);
		model.addAttribute("selects", this.words.selects(options, this.owners.visibleTo(user.scope()), filter, locale));
		model.addAttribute("filterQuery", filter.query());
		model.addAttribute("savedViews", this.views.visibleTo(user.id()));
		if (binding.hasErrors()) {
			model.addAttribute("page", null);
			return "customers/list";
		}
		TieredPage page = this.search.search(filter.toCriteria(), user.scope());
		model.addAttribute("page", page);
		model.addAttribute("total", this.search.total(filter.toCriteria(), user.scope()));
		model.addAttribute("rows", this.words.rows(page.items(), locale));
		return "customers/list";
	}

	@GetMapping("/customers/export.csv")
	void exportCsv(@Valid @ModelAttribute("filter") CustomerListForm filter, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Locale locale, HttpServletResponse response) throws IOException {
		filter.rejectUnknownValues(this.search.filterOptions(), binding);
		if (binding.hasErrors()) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"");
		long rows = this.export.csv(filter.toCriteria(), user.scope(), locale, response.getOutputStream());
		this.audit.record(AuditAction.EXPORT, "customers.csv", exported(filter, rows));
	}

	@GetMapping("/customers/export.xlsx")
	void exportXlsx(@Valid @ModelAttribute("filter") CustomerListForm filter, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Locale locale, HttpServletResponse response) throws IOException {
		filter.rejectUnknownValues(this.search.filterOptions(), binding);
		if (binding.hasErrors()) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.xlsx\"");
		long rows = this.export.xlsx(filter.toCriteria(), user.scope(), locale, response.getOutputStream());
		this.audit.record(AuditAction.EXPORT, "customers.xlsx", exported(filter, rows));
	}

	/** What the audit log keeps of an export: the filter and how many rows it gave. */
	private static String exported(CustomerListForm filter, long rows) {
		String query = filter.query();
		return rows + " rows" + ((query != null && !query.isEmpty()) ? ", filter " + query : ", no filter");
	}

	@GetMapping("/customers/{code}")
	String show(@PathVariable String code, @AuthenticationPrincipal CrmUser user, Locale locale, Model model) {
		CustomerProfile profile = this.profiles.find(code, user.scope())
			.orElseThrow(() -> new CustomerNotFoundException(code));
		model.addAttribute("profile", profile);
		model.addAttribute("regionName", this.words.region(profile.customer().getRegion(), locale));
		model.addAttribute("industryName", this.words.industry(profile.customer().getIndustry(), locale));
		model.addAttribute("currency", this.sales.currency().getCurrencyCode());
		return "customers/detail";
	}

	@ExceptionHandler(InvalidListCursorException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidCursor(Model model) {
		model.addAttribute("reason", "error.badCursor");
		return "error/4xx";
	}

}
