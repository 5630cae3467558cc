package com.tiercrm.book;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a rep's customers, most urgent first: the overdue ones, then the others by
 * tier, best tier first, each by next due date.
 *
 * @param repId whose book it is
 * @param entries the rows of this page, at most {@code pageSize}
 * @param total how many customers the rep owns
 * @param overdueCount how many of them are overdue, on any page
 * @param page this page's number, from 1
 * @param pageSize the most rows a page shows
 */
public record RepBook(long repId, List<BookEntry> entries, long total, long overdueCount, int page, int pageSize) {

	/** Page numbers shown on either side of the current one. */
	private static final int NEIGHBOURS = 2;

	/**
	 * How many pages a book of so many customers has.
	 * @param total the customers
	 * @param pageSize the most rows a page shows
	 * @return the pages, at least 1
	 */
	public static int pages(long total, int pageSize) {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

	/**
	 * The overdue customers of this page, most overdue first.
	 * @return the overdue rows
	 */
	public List<BookEntry> overdue() {
		return this.entries.stream().filter((entry) -> entry.contact().overdue()).toList();
	}

	/**
	 * The customers of this page not overdue, grouped by tier in book order; the key is
	 * empty for customers without a tier.
	 * @return rows by tier code
	 */
	public Map<String, List<BookEntry>> byTier() {
		Map<String, List<BookEntry>> groups = new LinkedHashMap<>();
		for (BookEntry entry : this.entries) {
			if (!entry.contact().overdue()) {
				groups.computeIfAbsent((entry.tier() != null) ? entry.tier() : "", (key) -> new ArrayList<>())
					.add(entry);
			}
		}
		return groups;
	}

	/**
	 * How many pages the book has.
	 * @return the pages, at least 1
	 */
	public int pages() {
		return pages(this.total, this.pageSize);
	}

	/**
	 * The position of this page's first row in the whole book.
	 * @return from 1, or 0 for an empty page
	 */
	public long firstRow() {
		return this.entries.isEmpty() ? 0 : (this.page - 1L) * this.pageSize + 1;
	}

	/**
	 * The position of this page's last row in the whole book.
	 * @return from 1, or 0 for an empty page
	 */
	public long lastRow() {
		return this.entries.isEmpty() ? 0 : (this.page - 1L) * this.pageSize + this.entries.size();
	}

	/**
	 * The pages to link to: the first, the last, and a few around this one, in order; a
	 * {@code 0} stands where pages are skipped.
	 * @return page numbers, and 0 for each gap
	 */
	public List<Integer> pageLinks() {
		int pages = pages();
		List<Integer> links = new ArrayList<>();
		int from = Math.max(1, this.page - NEIGHBOURS);
		int to = Math.min(pages, this.page + NEIGHBOURS);
		if (from > 1) {
			links.add(1);
			if (from > 2) {
				links.add(0);
			}
		}
		for (int n = from; n <= to; n++) {
			links.add(n);
		}
		if (to < pages) {
			if (to < pages - 1) {
				links.add(0);
			}
			links.add(pages);
		}
		return links;
	}

}
