package com.tiercrm.customer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of reference data a customer carries a code of.
 */
public enum ReferenceKind {

	INDUSTRY("industries", 50), REGION("regions", 30);

	private final String table;

	private final int maxCodeLength;

	ReferenceKind(String table, int maxCodeLength) {
		this.table = table;
		this.maxCodeLength = maxCodeLength;
	}

	/** The table of the entries, which is also the kind's name in URLs. */
	public String table() {
		return this.table;
	}

	/** The longest code the customer column holds. */
	public int maxCodeLength() {
		return this.maxCodeLength;
	}

	public static Optional<ReferenceKind> ofTable(String table) {
		return Arrays.stream(values()).filter((kind) -> kind.table.equals(table)).findFirst();
	}

}
