package com.tiercrm.today;

import java.util.List;

/**
 * The first customer moves of a list and how many there are.
 *
 * @param items the moves shown
 * @param total how many there are
 */
public record Moves(List<CustomerMove> items, long total) {

	static final Moves NONE = new Moves(List.of(), 0);

}
