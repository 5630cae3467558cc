package com.tiercrm.imports;

import java.util.Optional;

/**
 * How the dates of a file that are not written year first are read: 01/12/2010 is the 1st
 * of December {@link #DAY_FIRST} (Europe) and the 12th of January {@link #MONTH_FIRST}
 * (US). {@link #AUTO} decides per file on evidence.
 */
public enum DateOrder {

	AUTO("auto"), DAY_FIRST("day-first"), MONTH_FIRST("month-first");

	private final String parameter;

	DateOrder(String parameter) {
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

	DateOrder other() {
		return switch (this) {
			case DAY_FIRST -> MONTH_FIRST;
			case MONTH_FIRST -> DAY_FIRST;
			case AUTO -> AUTO;
		};
	}

	public static Optional<DateOrder> ofParameter(String parameter) {
		for (DateOrder order : values()) {
			if (order.parameter.equalsIgnoreCase(parameter) || order.name().equalsIgnoreCase(parameter)) {
				return Optional.of(order);
			}
		}
		return Optional.empty();
	}

}
