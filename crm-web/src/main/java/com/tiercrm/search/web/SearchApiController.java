package com.tiercrm.search.web;

import java.util.List;
import java.util.Locale;

import com.tiercrm.search.GlobalSearch;
import com.tiercrm.search.SearchResults;
import com.tiercrm.search.SearchResults.ContactHit;
import com.tiercrm.search.SearchResults.CustomerHit;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/search}: what the navigation's search box finds, with the page's
 * ranking, limits and scope.
 */
@RestController
class SearchApiController {

	private final GlobalSearch search;

	private final MessageSource messages;

	SearchApiController(GlobalSearch search, MessageSource messages) {
		this.search = search;
		this.messages = messages;
	}

	/**
	 * Customers by code, name or phone and contacts by name, within the caller's scope:
	 * the exact code first, then what starts with the text, then what holds it; at most
	 * {@value GlobalSearch#PAGE_LIMIT} of each kind. Blank text finds nothing.
	 * @param text part of a code, name or phone number (at most
	 * {@value GlobalSearch#MAX_TEXT} characters are searched)
	 */
	@GetMapping("/api/v1/search")
	SearchJson search(@RequestParam("q") String text, @AuthenticationPrincipal CrmUser user) {
		return SearchJson.of(this.search.search(text, user.scope(), GlobalSearch.PAGE_LIMIT));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingText(Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("search.api.missingText", null, locale));
	}

	/**
	 * What was found.
	 *
	 * @param text the text searched for, stripped and shortened
	 * @param customers customers, best match first
	 * @param contacts contact persons, best match first
	 * @param limit the most of each kind; a kind with this many may have more
	 */
	record SearchJson(String text, List<CustomerHitJson> customers, List<ContactHitJson> contacts, int limit) {

		static SearchJson of(SearchResults results) {
			return new SearchJson(results.text(), results.customers().stream().map(CustomerHitJson::of).toList(),
					results.contacts().stream().map(ContactHitJson::of).toList(), results.limit());
		}

	}

	/**
	 * A customer found.
	 *
	 * @param code the customer's code
	 * @param name the customer's name
	 * @param phone the phone as written
	 * @param city the customer's city
	 * @param match {@code EXACT} (the code), {@code PREFIX} or {@code CONTAINS}
	 */
	record CustomerHitJson(String code, String name, @Nullable String phone, @Nullable String city,
			SearchResults.Match match) {

		static CustomerHitJson of(CustomerHit hit) {
			return new CustomerHitJson(hit.code(), hit.name(), hit.phone(), hit.city(), hit.match());
		}

	}

	/**
	 * A contact person found, with the customer it belongs to.
	 *
	 * @param id the contact's id
	 * @param name the contact's name
	 * @param title the contact's title
	 * @param primary whether it is the customer's primary contact
	 * @param customer the customer's code
	 * @param customerName the customer's name
	 * @param match {@code PREFIX} or {@code CONTAINS}
	 */
	record ContactHitJson(long id, String name, @Nullable String title, boolean primary, String customer,
			String customerName, SearchResults.Match match) {

		static ContactHitJson of(ContactHit hit) {
			return new ContactHitJson(hit.id(), hit.name(), hit.title(), hit.primary(), hit.customerCode(),
					hit.customerName(), hit.match());
		}

	}

}
