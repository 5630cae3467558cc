package com.tiercrm.customer;

/**
 * A change the customer's state or the caller's role does not allow, such as editing a
 * merged customer or a rep merging customers; the message key says which.
 */
public class CustomerChangeRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	public CustomerChangeRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
