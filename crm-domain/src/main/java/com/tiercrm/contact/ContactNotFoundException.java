package com.tiercrm.contact;

import org.jspecify.annotations.Nullable;

/**
 * No such customer within the caller's scope, or no such contact of it: both look the
 * same from outside, so that another rep's customer is indistinguishable from none.
 */
public class ContactNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ContactNotFoundException(String customerCode, @Nullable Long contactId) {
		super((contactId != null) ? "No contact " + contactId + " of customer " + customerCode
				: "No customer " + customerCode);
	}

}
