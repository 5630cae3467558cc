package com.tiercrm.search;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the search box found: customers and contacts, each best match first.
 *
 * @param text the fragment searched for
 * @param customers customers whose code, name or phone holds it
 * @param contacts contacts whose name holds it
 * @param limit the most of each kind returned; a kind with this many may have more
 */
public record SearchResults(String text, List<CustomerHit> customers, List<ContactHit> contacts, int limit) {

	/**
	 * Whether nothing was found.
	 */
	public boolean isEmpty() {
		return this.customers.isEmpty() && this.contacts.isEmpty();
	}

	/**
	 * How well a result matches the text: its code exactly, the start of its code, name
	 * or phone, or somewhere inside.
	 */
	public enum Match {

		EXACT, PREFIX, CONTAINS

	}

	/**
	 * A customer found.
	 *
	 * @param code the customer's code
	 * @param name the customer's name
	 * @param phone the phone as written
	 * @param city the customer's city
	 * @param match how well it matches
	 */
	public record CustomerHit(String code, String name, @Nullable String phone, @Nullable String city, Match match) {

	}

	/**
	 * A contact found, with the customer it belongs to.
	 *
	 * @param id the contact's id
	 * @param name the contact's name
	 * @param title the contact's title
	 * @param primary whether the contact is the customer's primary one
	 * @param customerCode the customer's code
	 * @param customerName the customer's name
	 * @param match how well it matches
	 */
	public record ContactHit(long id, String name, @Nullable String title, boolean primary, String customerCode,
			String customerName, Match match) {

	}

}
