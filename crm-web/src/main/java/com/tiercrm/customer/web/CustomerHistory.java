package com.tiercrm.customer.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerChange;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A customer's change history in the user's words, for the customer page
 * ({@code ${@customerHistory.latest(customer)}}) and the edit conflict.
 */
@Component("customerHistory")
class CustomerHistory {

	/** How many changes the customer page shows. */
	static final int SHOWN = 30;

	private final CustomerManagement management;

	private final CustomerWords words;

	private final CustomerRepository customers;

	private final MessageSource messages;

	CustomerHistory(CustomerManagement management, CustomerWords words, CustomerRepository customers,
			MessageSource messages) {
		this.management = management;
		this.customers = customers;
		this.words = words;
		this.messages = messages;
	}

	/** The customer's latest changes, newest first, in the request's language. */
	public List<Entry> latest(Customer customer) {
		Long id = customer.getId();
		return (id != null) ? entries(this.management.history(id, SHOWN), LocaleContextHolder.getLocale()) : List.of();
	}

	/** The code of a customer, such as the one a merged customer points at. */
	public @Nullable String code(long id) {
		return this.customers.findById(id).map(Customer::getCode).orElse(null);
	}

	List<Entry> entries(List<CustomerChange> changes, Locale locale) {
		return changes.stream().map((change) -> entry(change, locale)).toList();
	}

	private Entry entry(CustomerChange change, Locale locale) {
		String field = change.field();
		String what = switch (change.kind()) {
			case EDITED ->
				this.messages.getMessage("customerChange.field." + field, null, String.valueOf(field), locale);
			default -> this.messages.getMessage("customerChange.kind." + change.kind().name(), null, locale);
		};
		boolean merge = change.kind() == CustomerChange.Kind.MERGED_INTO
				|| change.kind() == CustomerChange.Kind.MERGED_FROM;
		return new Entry(change.changedAt(), change.changedBy(), change.kind().name(), what,
				merge ? null : value(field, change.oldValue(), locale),
				merge ? null : value(field, change.newValue(), locale), merge ? change.newValue() : null);
	}

	/**
	 * A stored value in the user's words where it is a code the bundles or tables name.
	 */
	@Nullable String value(@Nullable String field, @Nullable String value, Locale locale) {
		if (field == null || value == null) {
			return value;
		}
		return switch (field) {
			case "type" -> this.words.label("customer.type.", value, locale);
			case "status" -> this.words.label("customer.status.", value, locale);
			case "region" -> this.words.region(value, locale);
			case "industry" -> this.words.industry(value, locale);
			case "channelType" -> this.words.label("channelType.", value, locale);
			case "channel" -> this.words.label("channel.", value, locale);
			case "gender" -> this.words.label("gender.", value, locale);
			case "ageBand" -> this.words.label("ageBand.", value, locale);
			case "incomeBand" -> this.words.label("income.", value, locale);
			case "occupation" -> this.words.label("occupation.", value, locale);
			default -> value;
		};
	}

	/**
	 * One change as the page shows it.
	 *
	 * @param at when
	 * @param by who, {@code null} if unknown
	 * @param kind the kind of change, such as {@code EDITED}
	 * @param what the field changed, or what happened
	 * @param oldValue the value before, in words
	 * @param newValue the value after, in words
	 * @param otherCustomer for a merge, the other customer's code
	 */
	record Entry(Instant at, @Nullable String by, String kind, String what, @Nullable String oldValue,
			@Nullable String newValue, @Nullable String otherCustomer) {

	}

}
