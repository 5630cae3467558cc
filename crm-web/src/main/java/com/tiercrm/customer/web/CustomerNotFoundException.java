package com.tiercrm.customer.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No customer with that code within the caller's scope: answered with 404 whether it does
 * not exist or belongs to someone else.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CustomerNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CustomerNotFoundException(String code) {
		super("No customer " + code);
	}

}
