package com.tiercrm.imports;

import java.util.Optional;

/**
 * How the amounts of a file separate decimals: {@link #POINT} reads {@code 1,234.56},
 * {@link #COMMA} reads {@code 1.234,56} and {@code 1 234,56}. {@link #AUTO} decides per
 * file on evidence.
 */
public enum DecimalMark {

	AUTO("auto"), POINT("point"), COMMA("comma");

	private final String parameter;

	DecimalMark(String parameter) {
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

	DecimalMark other() {
		return switch (this) {
			case POINT -> COMMA;
			case COMMA -> POINT;
			case AUTO -> AUTO;
		};
	}

	public static Optional<DecimalMark> ofParameter(String parameter) {
		for (DecimalMark mark : values()) {
			if (mark.parameter.equalsIgnoreCase(parameter) || mark.name().equalsIgnoreCase(parameter)) {
				return Optional.of(mark);
			}
		}
		return Optional.empty();
	}

}
