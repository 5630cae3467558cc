package com.tiercrm.imports;

import java.util.Optional;

/**
 * What a commit does with invalid rows: {@link #ATOMIC} writes nothing when any row is
 * invalid, {@link #SKIP_INVALID} writes the valid rows and reports the others.
 */
public enum ImportMode {

	ATOMIC("atomic"), SKIP_INVALID("skip-invalid");

	private final String parameter;

	ImportMode(String parameter) {
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

	public static Optional<ImportMode> ofParameter(String parameter) {
		for (ImportMode mode : values()) {
			if (mode.parameter.equalsIgnoreCase(parameter) || mode.name().equalsIgnoreCase(parameter)) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

}
