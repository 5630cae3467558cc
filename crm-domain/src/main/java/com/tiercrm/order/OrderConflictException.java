package com.tiercrm.order;

/**
 * Someone changed the order since the user read it; carries the order as it is now.
 */
public class OrderConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ScopedOrder current;

	public OrderConflictException(ScopedOrder current) {
		super("Order " + current.order().getId() + " was changed meanwhile");
		this.current = current;
	}

	public ScopedOrder current() {
		return this.current;
	}

}
