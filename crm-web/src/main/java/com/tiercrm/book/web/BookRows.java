package com.tiercrm.book.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBook;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.web.Formats;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a book page into what its template shows: the rows grouped, overdue first, with
 * their labels and dates as text. A page has 50 rows, each with two forms; rendering was
 * most of the page's time, and what is the same for every row (labels, options) or can be
 * worked out in Java (dates, tier labels) is done here once.
 */
@Component
class BookRows {

	private final TierLabels tierLabels;

	private final Formats formats;

	private final MessageSource messages;

	BookRows(TierLabels tierLabels, Formats formats, MessageSource messages) {
		this.tierLabels = tierLabels;
		this.formats = formats;
		this.messages = messages;
	}

	/**
	 * The page's groups: the overdue customers (if any), then one group per tier in book
	 * order.
	 * @param book the page
	 * @param locale the user's language
	 * @param failed the code of the customer whose contact form was refused, if any
	 * @return the groups
	 */
	List<BookSection> sections(RepBook book, Locale locale, @Nullable String failed) {
		Map<String, String> labels = new HashMap<>();
		List<BookSection> sections = new ArrayList<>();
		List<BookEntry> overdue = book.overdue();
		if (!overdue.isEmpty()) {
			sections.add(new BookSection(true, "", null, rows(overdue, labels, locale, failed)));
		}
		book.byTier()
			.forEach((tier, entries) -> sections
				.add(new BookSection(false, tier, label(tier, labels, locale), rows(entries, labels, locale, failed))));
		return sections;
	}

	/**
	 * The contact types with their labels, for the type field of every row's form.
	 * @param locale the user's language
	 * @return one choice per type, in declaration order
	 */
	List<TypeChoice> types(Locale locale) {
		return Arrays.stream(InteractionType.values())
			.map((type) -> new TypeChoice(type.name(),
					this.messages.getMessage("interaction.type." + type.name(), null, locale)))
			.toList();
	}

	private List<BookRow> rows(List<BookEntry> entries, Map<String, String> labels, Locale locale,
			@Nullable String failed) {
		List<BookRow> rows = new ArrayList<>(entries.size());
		for (BookEntry entry : entries) {
			ContactDue contact = entry.contact();
			String tier = entry.tier();
			rows.add(new BookRow(entry.code(), entry.name(), (tier != null) ? label(tier, labels, locale) : null,
					(contact.lastContact() != null) ? this.formats.date(contact.lastContact()) : null,
					(contact.nextDue() != null) ? this.formats.date(contact.nextDue()) : null,
					contact.cadenceDays() == null, contact.neverContacted(), contact.overdue(),
					entry.code().equals(failed)));
		}
		return rows;
	}

	private @Nullable String label(String tier, Map<String, String> labels, Locale locale) {
		return tier.isEmpty() ? null : labels.computeIfAbsent(tier, (code) -> this.tierLabels.label(code, locale));
	}

}
