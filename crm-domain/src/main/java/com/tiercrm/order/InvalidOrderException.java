package com.tiercrm.order;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An order was refused: each problem names the field and the reason.
 */
public class InvalidOrderException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<OrderProblem> problems;

	public InvalidOrderException(List<OrderProblem> problems) {
		super("Invalid order: " + problems.stream().map(OrderProblem::field).collect(Collectors.joining(", ")));
		this.problems = List.copyOf(problems);
	}

	public List<OrderProblem> problems() {
		return this.problems;
	}

}
