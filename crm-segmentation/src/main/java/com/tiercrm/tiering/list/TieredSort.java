package com.tiercrm.tiering.list;

/**
 * The orders a tiered customer list can be sorted in, each a keyset over (key, id). The
 * sorts by a published result list only customers of the published run.
 */
public enum TieredSort {

	NAME_ASC("c.name", false, Key.TEXT), NAME_DESC("c.name", true, Key.TEXT), CODE_ASC("c.code", false, Key.TEXT),
	CODE_DESC("c.code", true, Key.TEXT), NEWEST("c.created_at", true, Key.TIME),
	/** Highest completed-order value first. */
	MONETARY_DESC("s.monetary", true, Key.NUMBER),
	/** Most recent buyers first; customers who never bought last. */
	RECENCY_ASC("coalesce(s.recency_days, 2147483647)", false, Key.INTEGER),
	/** Highest predicted lifetime value first. */
	CLV_DESC("s.clv_predicted", true, Key.NUMBER);

	private final String column;

	private final boolean descending;

	private final Key key;

	TieredSort(String column, boolean descending, Key key) {
		this.column = column;
		this.descending = descending;
		this.key = key;
	}

	String column() {
		return this.column;
	}

	boolean descending() {
		return this.descending;
	}

	Key key() {
		return this.key;
	}

	/**
	 * Whether the sort key is a result of the published run, so that the list is driven
	 * by the run's rows.
	 */
	boolean bySegment() {
		return this.column.contains("s.");
	}

	/**
	 * The column of {@code list_keys} (alias {@code k}) holding the same key, for the
	 * sorts by a result.
	 */
	String keysColumn() {
		return switch (this) {
			case MONETARY_DESC -> "k.monetary";
			case RECENCY_ASC -> "k.recency_key";
			case CLV_DESC -> "k.clv_predicted";
			default -> throw new IllegalStateException(name() + " is not a sort by a result");
		};
	}

	/**
	 * Column for the id tie-breaker: the run's own column when the run's rows drive the
	 * list, so that one index serves both keys.
	 */
	String idColumn() {
		return bySegment() ? "s.customer_id" : "c.id";
	}

	enum Key {

		TEXT, TIME, NUMBER, INTEGER

	}

}
