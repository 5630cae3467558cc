package com.tiercrm.book;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import com.tiercrm.interaction.ContactDue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepBookTests {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	@Test
	void countsPagesAndRowsOfAPage() {
		RepBook third = page(3, 120, 20);
		assertThat(third.pages()).isEqualTo(3);
		assertThat(third.firstRow()).isEqualTo(101);
		assertThat(third.lastRow()).isEqualTo(120);
		assertThat(RepBook.pages(0, 50)).isOne();
		assertThat(RepBook.pages(50, 50)).isOne();
		assertThat(RepBook.pages(51, 50)).isEqualTo(2);
		RepBook empty = page(1, 0, 0);
		assertThat(empty.pages()).isOne();
		assertThat(empty.firstRow()).isZero();
		assertThat(empty.lastRow()).isZero();
	}

	@Test
	void linksTheFirstAndLastPagesAndTheNeighboursWithGapsBetween() {
		assertThat(page(1, 200, 10).pageLinks()).containsExactly(1, 2, 3, 4);
		assertThat(page(1, 500, 10).pageLinks()).containsExactly(1, 2, 3, 0, 10);
		assertThat(page(4, 500, 10).pageLinks()).containsExactly(1, 2, 3, 4, 5, 6, 0, 10);
		assertThat(page(6, 500, 10).pageLinks()).containsExactly(1, 0, 4, 5, 6, 7, 8, 0, 10);
		assertThat(page(7, 500, 10).pageLinks()).containsExactly(1, 0, 5, 6, 7, 8, 9, 10);
		assertThat(page(10, 500, 10).pageLinks()).containsExactly(1, 0, 8, 9, 10);
		assertThat(page(1, 0, 0).pageLinks()).containsExactly(1);
	}

	@Test
	void groupsThePageNotOverdueByTierAfterTheOverdue() {
		BookEntry late = entry("C1", "ABC:A", NOW.minusSeconds(86_400L * 30), 14);
		BookEntry fine = entry("C2", "ABC:B", NOW, 30);
		BookEntry untiered = entry("C3", null, null, null);
		RepBook book = new RepBook(7, List.of(late, fine, untiered), 3, 1, 1, 50);
		assertThat(book.overdue()).containsExactly(late);
		assertThat(book.byTier()).containsOnlyKeys("ABC:B", "").containsEntry("", List.of(untiered));
	}

	private static RepBook page(int page, long total, int rows) {
		BookEntry entry = entry("C", null, null, null);
		return new RepBook(7, Collections.nCopies(rows, entry), total, 0, page, 50);
	}

	private static BookEntry entry(String code, String tier, Instant last, Integer cadence) {
		return new BookEntry(code.hashCode(), code, "Customer " + code, tier, ContactDue.of(last, cadence, NOW));
	}

}
