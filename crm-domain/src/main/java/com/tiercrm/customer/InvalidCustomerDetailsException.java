package com.tiercrm.customer;

import java.util.List;

/**
 * Details of a customer that cannot be stored: each problem names the field and the
 * message key of the reason.
 */
public class InvalidCustomerDetailsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	public InvalidCustomerDetailsException(List<Problem> problems) {
		super("Invalid customer details: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One field's problem.
	 *
	 * @param field the field, as {@link CustomerDetails#FIELDS} or {@code code} names it
	 * @param messageKey the reason's message key, such as {@code customer.error.phone}
	 * @param value the value refused
	 */
	public record Problem(String field, String messageKey, String value) {

	}

}
