package com.tiercrm.order;

import java.util.List;

/**
 * What is wrong with one field of an order: a message key with its arguments, for the
 * page or the API to say in the user's language.
 *
 * @param field the field, as {@link OrderInput} names it
 * @param code the message key
 * @param arguments the message's arguments
 */
public record OrderProblem(String field, String code, List<Object> arguments) {

	public OrderProblem(String field, String code, Object... arguments) {
		this(field, code, List.of(arguments));
	}

}
