package com.tiercrm.tiering.list;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.tiercrm.account.AccessScope;
import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBook;
import com.tiercrm.book.RepBooks;
import com.tiercrm.book.RepWorkload;
import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tiered customer list and the reps' books on a real database, after a published run.
 * Subclasses pick the database.
 */
abstract class TieredListsTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	SegmentationRuns runs;

	@Autowired
	TieredCustomerSearch search;

	@Autowired
	RepBooks books;

	@Autowired
	JdbcTemplate jdbc;

	long repA;

	long repB;

	long manager;

	@BeforeEach
	void createCustomersAndRun() {
		TestData data = new TestData(this.jdbc);
		data.clear();
		this.jdbc.update("update customers set owner_id = null");
		this.jdbc.update("update users set team_id = null where username like 'lists-%'");
		this.jdbc.update("delete from teams where name like 'lists-%'");
		this.jdbc.update("delete from users where username like 'lists-%'");
		this.repA = user("lists-a");
		this.repB = user("lists-b");
		this.manager = user("lists-m");
		this.jdbc.update("insert into teams (name, manager_id) values ('lists-team', ?)", this.manager);
		this.jdbc.update("update users set team_id = (select id from teams where name = 'lists-team') where id = ?",
				this.repA);
		data.customers(List.of("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "NONE"));
		for (int i = 1; i <= 10; i++) {
			String code = "K%02d".formatted(i);
			double amount = 1000.0 / i;
			for (int n = 0; n < 11 - i; n++) {
				data.order(code + "-" + n, code, AS_OF.minusDays(5L * i + 30L * n), amount, amount / 4, "COMPLETED");
			}
		}
		this.jdbc.update("update customers set owner_id = ? where code in ('K01', 'K03', 'K05', 'K07', 'K09', 'NONE')",
				this.repA);
		this.jdbc.update("update customers set owner_id = ? where owner_id is null", this.repB);
		// Written past the application: the owners of the book's and the list's keys too.
		BookKeys.syncSelected(this.jdbc, "select id from customers");
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, "tester"));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
	}

	private long user(String username) {
		this.jdbc.update(
				"insert into users (username, display_name, password_hash, role, enabled, created_at)"
						+ " values (?, ?, '{noop}x', 'SALES_REP', true, current_timestamp)",
				username, "Rep " + username);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, username);
	}

	@Test
	void sortsByMonetaryAndPagesBothWays() {
		TieredCriteria criteria = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.MONETARY_DESC, null, 4);
		List<String> codes = new ArrayList<>();
		TieredPage page = this.search.search(criteria, AccessScope.all(0));
		List<TieredPage> pages = new ArrayList<>();
		while (true) {
			pages.add(page);
			page.items().forEach((row) -> codes.add(row.code()));
			if (page.next() == null) {
				break;
			}
			page = this.search.search(criteria.at(page.next()), AccessScope.all(0));
		}
		// Monetary = orders x amount: K01 10,000, K02 4,500, K03 2,667 …; NONE 0 last.
		assertThat(codes).containsExactly("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "NONE");
		TieredPage back = this.search.search(criteria.at(pages.getLast().previous()), AccessScope.all(0));
		assertThat(back.items()).extracting(TieredCustomer::code).containsExactly("K05", "K06", "K07", "K08");
		assertThat(back.items().getFirst().monetary()).isEqualTo(1200.0);
	}

	@Test
	void filtersByTierWithinTheRepsScope() {
		TieredCriteria criteria = new TieredCriteria(null, null, null, null, "ABC:A", null, null, null, null,
				TieredSort.NAME_ASC, null, 50);
		List<TieredCustomer> all = this.search.search(criteria, AccessScope.all(0)).items();
		assertThat(all).isNotEmpty().allSatisfy((row) -> assertThat(row.tier()).isEqualTo("ABC:A"));
		List<TieredCustomer> own = this.search.search(criteria, AccessScope.own(this.repA)).items();
		assertThat(own).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.ownerId()).isEqualTo(this.repA))
			.hasSizeLessThan(all.size());
	}

	@Test
	void filterOptionsOfferTheTiersOfTheModelInForceAndEveryModelsClassesBestFirst() {
		TierFilterOptions options = this.search.filterOptions();
		assertThat(options.tiers()).containsExactly("ABC:A", "ABC:B", "ABC:C", "ABC:NO_PURCHASE");
		assertThat(options.abcClasses()).containsExactly("A", "B", "C", "NO_PURCHASE");
		assertThat(options.clvClasses()).containsExactly("HIGH", "MEDIUM", "LOW", "NO_PURCHASE");
		assertThat(options.rfmSegments()).hasSize(20).startsWith("IMPORTANT_VALUE").endsWith("NO_PURCHASE");
	}

	@Test
	void spendOrderKeepsTheScopeAndTheOwnerFilter() {
		TieredCriteria bySpend = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.MONETARY_DESC, null, 50);
		assertThat(this.search.search(bySpend, AccessScope.own(this.repA)).items()).extracting(TieredCustomer::code)
			.containsExactly("K01", "K03", "K05", "K07", "K09", "NONE");
		TieredCriteria repBsCustomers = new TieredCriteria(null, this.repB, null, null, null, null, null, null, null,
				TieredSort.MONETARY_DESC, null, 50);
		assertThat(this.search.search(repBsCustomers, AccessScope.all(0)).items()).extracting(TieredCustomer::code)
			.containsExactly("K02", "K04", "K06", "K08", "K10");
		assertThat(this.search.search(repBsCustomers, AccessScope.own(this.repA)).items()).isEmpty();
	}

	@Test
	void totalsCountTheScopeAndTheFiltersWithoutThePage() {
		TieredCriteria everyone = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.NAME_ASC, null, 2);
		assertThat(this.search.total(everyone, AccessScope.all(0))).isEqualTo(new ListTotal(11, true));
		assertThat(this.search.total(everyone, AccessScope.own(this.repA))).isEqualTo(new ListTotal(6, true));
		assertThat(this.search.total(everyone, AccessScope.team(this.manager))).isEqualTo(new ListTotal(6, true));
		TieredCriteria bySpend = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.MONETARY_DESC, "ignored", 2);
		assertThat(this.search.total(bySpend, AccessScope.own(this.repA)).count()).isEqualTo(6);
		TieredCriteria noPurchase = new TieredCriteria(null, null, null, null, null, "NO_PURCHASE", null, null, null,
				TieredSort.NAME_ASC, null, 2);
		assertThat(this.search.total(noPurchase, AccessScope.all(0)).count()).isEqualTo(1);
	}

	@Test
	void oneAndTwoCharacterFragmentsFindNamesHoldingThem() {
		this.jdbc.update("update customers set name = '王伟贸易' where code = 'K01'");
		this.jdbc.update("update customers set name = '李王庄' where code = 'K02'");
		for (AccessScope scope : List.of(AccessScope.all(0), AccessScope.team(this.manager))) {
			assertThat(codes(text("王伟"), scope)).as(scope.kind().name()).containsExactly("K01");
			assertThat(codes(text("王"), scope)).as(scope.kind().name())
				.containsExactlyElementsOf(
						(scope.kind() == AccessScope.Kind.ALL) ? List.of("K01", "K02") : List.of("K01"));
			assertThat(this.search.total(text("王"), scope).count())
				.isEqualTo((scope.kind() == AccessScope.Kind.ALL) ? 2 : 1);
		}
		// A code's start still counts, and a fragment matching nothing finds nothing.
		assertThat(codes(text("k1"), AccessScope.all(0))).containsExactly("K10");
		assertThat(codes(text("庄王"), AccessScope.all(0))).isEmpty();
	}

	@Test
	void filtersByClassesAndAliveBand() {
		TieredCriteria noPurchase = new TieredCriteria(null, null, null, null, null, "NO_PURCHASE", null, null, null,
				TieredSort.NAME_ASC, null, 50);
		assertThat(this.search.search(noPurchase, AccessScope.all(0)).items()).extracting(TieredCustomer::code)
			.containsExactly("NONE");
		for (AliveBand band : AliveBand.values()) {
			TieredCriteria criteria = new TieredCriteria(null, null, null, null, null, null, null, null, band,
					TieredSort.CLV_DESC, null, 50);
			assertThat(this.search.search(criteria, AccessScope.all(0)).items())
				.allSatisfy((row) -> assertThat(row.probabilityAlive()).isNotNull());
		}
		long banded = 0;
		for (AliveBand band : AliveBand.values()) {
			banded += this.search
				.search(new TieredCriteria(null, null, null, null, null, null, null, null, band, TieredSort.NAME_ASC,
						null, 50), AccessScope.all(0))
				.items()
				.size();
		}
		assertThat(banded).isEqualTo(this.jdbc.queryForObject(
				"select count(*) from customer_segments s join segmentation_state st on st.published_run_id = s.run_id"
						+ " where s.p_alive is not null",
				Long.class));
	}

	@Test
	void sortsByRecencyWithNonBuyersLast() {
		TieredCriteria criteria = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.RECENCY_ASC, null, 6);
		TieredPage first = this.search.search(criteria, AccessScope.all(0));
		assertThat(first.items()).extracting(TieredCustomer::code)
			.containsExactly("K01", "K02", "K03", "K04", "K05", "K06");
		TieredPage second = this.search.search(criteria.at(first.next()), AccessScope.all(0));
		assertThat(second.items()).extracting(TieredCustomer::code).containsExactly("K07", "K08", "K09", "K10", "NONE");
		assertThat(second.next()).isNull();
	}

	@Test
	void streamsEveryMatchingRowInOrder() {
		List<String> codes = new ArrayList<>();
		this.search.forEach(
				new TieredCriteria(null, null, null, null, null, null, null, null, null, TieredSort.CLV_DESC, null, 1),
				AccessScope.own(this.repB), (row) -> codes.add(row.code()));
		assertThat(codes).containsExactlyInAnyOrder("K02", "K04", "K06", "K08", "K10");
	}

	@Test
	void refusesACursorOfAnotherSort() {
		TieredCriteria byName = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.NAME_ASC, null, 2);
		String next = this.search.search(byName, AccessScope.all(0)).next();
		TieredCriteria byValue = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.MONETARY_DESC, next, 2);
		assertThatExceptionOfType(InvalidListCursorException.class)
			.isThrownBy(() -> this.search.search(byValue, AccessScope.all(0)));
	}

	@Test
	void aManagerSeesTheTeamsCustomersInEverySortAndWithATierFilter() {
		for (TieredSort sort : TieredSort.values()) {
			for (String tier : new String[] { null, "ABC:A" }) {
				TieredCriteria criteria = new TieredCriteria(null, null, null, null, tier, null, null, null, null, sort,
						null, 50);
				List<String> team = codes(criteria, AccessScope.team(this.manager));
				assertThat(team).as(sort + " " + tier)
					.containsExactlyInAnyOrderElementsOf(codes(criteria, AccessScope.own(this.repA)));
				if (tier == null) {
					assertThat(team).as(sort.name()).hasSize(6);
				}
			}
		}
		assertThat(codes(TieredCriteria.byName(50), AccessScope.team(this.manager))).containsExactly("K01", "K03",
				"K05", "K07", "K09", "NONE");
		assertThat(codes(TieredCriteria.byName(50), AccessScope.own(this.manager))).isEmpty();
	}

	@Test
	void textMatchesAnyPartOfTheNameTheStartOfTheCodeOrTheDigitsOfThePhone() {
		this.jdbc.update("update customers set name = '张三' where code = 'K03'");
		this.jdbc.update("update customers set name = 'Zoe Li' where code = 'K05'");
		this.jdbc
			.update("update customers set phone = '13812345678', phone_display = '138-1234-5678' where code = 'K04'");
		assertThat(codes(text("张三"), AccessScope.all(0))).containsExactly("K03");
		assertThat(codes(text("zoe"), AccessScope.all(0))).containsExactly("K05");
		assertThat(codes(text("K05"), AccessScope.all(0))).containsExactly("K05");
		assertThat(codes(text("05"), AccessScope.all(0))).as("a code matches from its start only").isEmpty();
		assertThat(codes(text("1234 5678"), AccessScope.all(0))).containsExactly("K04");
		assertThat(codes(text("100%_"), AccessScope.all(0))).as("wildcards are literal").isEmpty();
		TieredCustomer k04 = this.search.search(text("5678"), AccessScope.all(0)).items().getFirst();
		assertThat(k04.phone()).isEqualTo("13812345678");
		assertThat(k04.phoneDisplay()).isEqualTo("138-1234-5678");
		assertThat(codes(text("张三"), AccessScope.own(this.repB))).isEmpty();
	}

	@Test
	void pagesByNameWalkForwardAndBackWithoutGapsOrRepeats() {
		TieredCriteria criteria = new TieredCriteria(null, null, null, null, null, null, null, null, null,
				TieredSort.NAME_DESC, null, 3);
		List<String> forward = new ArrayList<>();
		List<TieredPage> pages = new ArrayList<>();
		TieredPage page = this.search.search(criteria, AccessScope.all(0));
		while (true) {
			pages.add(page);
			page.items().forEach((row) -> forward.add(row.code()));
			if (page.next() == null) {
				break;
			}
			page = this.search.search(criteria.at(page.next()), AccessScope.all(0));
		}
		assertThat(forward).hasSize(11).doesNotHaveDuplicates();
		assertThat(forward).containsExactly("NONE", "K10", "K09", "K08", "K07", "K06", "K05", "K04", "K03", "K02",
				"K01");
		List<String> backward = new ArrayList<>();
		page = pages.getLast();
		while (page.previous() != null) {
			page = this.search.search(criteria.at(page.previous()), AccessScope.all(0));
			backward.addAll(0, codes(page));
		}
		assertThat(backward).containsExactlyElementsOf(forward.subList(0, 9));
		assertThat(pages.getFirst().previous()).isNull();
	}

	@Test
	void refusesAForgedCursor() {
		Map<String, TieredSort> forged = Map.of("bm90LWEtY3Vyc29y", TieredSort.NAME_ASC, "%%%", TieredSort.NAME_ASC,
				cursor("MONETARY_DESC\na\n1\nlots"), TieredSort.MONETARY_DESC, cursor("NEWEST\na\n1\nyesterday"),
				TieredSort.NEWEST, cursor("NAME_ASC\nx\n1\nK01"), TieredSort.NAME_ASC, cursor("NAME_ASC\na\none\nK01"),
				TieredSort.NAME_ASC);
		forged.forEach((cursor, sort) -> assertThatExceptionOfType(InvalidListCursorException.class).as(cursor)
			.isThrownBy(() -> this.search.search(
					new TieredCriteria(null, null, null, null, null, null, null, null, null, sort, cursor, 2),
					AccessScope.all(0))));
		String valid = cursor("NAME_ASC\na\n" + Long.MAX_VALUE + "\nCustomer K05");
		assertThat(codes(TieredCriteria.byName(2).at(valid), AccessScope.all(0))).containsExactly("K06", "K07");
	}

	private static String cursor(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static TieredCriteria text(String text) {
		return new TieredCriteria(text, null, null, null, null, null, null, null, null, TieredSort.CODE_ASC, null, 50);
	}

	private List<String> codes(TieredCriteria criteria, AccessScope scope) {
		return codes(this.search.search(criteria, scope));
	}

	private static List<String> codes(TieredPage page) {
		return page.items().stream().map(TieredCustomer::code).toList();
	}

	@Test
	void bookPutsOverdueCustomersFirstAndALoggedContactMovesTheDueDate() {
		Instant now = Instant.now();
		// K01 was contacted yesterday, K03 long ago, the others never.
		interaction("K01", now.minus(1, ChronoUnit.DAYS));
		interaction("K03", now.minus(400, ChronoUnit.DAYS));
		RepBook book = this.books.book(this.repA, AccessScope.own(this.repA), 1);
		assertThat(book.total()).isEqualTo(6);
		assertThat(book.entries()).extracting(BookEntry::code).contains("K01", "NONE");
		assertThat(book.overdue()).extracting(BookEntry::code).contains("K03").doesNotContain("K01");
		assertThat(book.entries().indexOf(find(book, "K03"))).isLessThan(book.entries().indexOf(find(book, "K01")));
		assertThat(find(book, "K01").contact().nextDue()).isAfter(now);

		interaction("K03", now);
		RepBook after = this.books.book(this.repA, AccessScope.own(this.repA), 1);
		assertThat(after.overdue()).extracting(BookEntry::code).doesNotContain("K03");
		assertThat(find(after, "K03").contact().nextDue()).isAfter(find(book, "K03").contact().nextDue());
		assertThat(this.books.book(this.repA, AccessScope.own(this.repB), 1).entries()).isEmpty();
	}

	@Test
	void workloadsCountOverdueCustomersPerRep() {
		interaction("K01", Instant.now());
		List<RepWorkload> workloads = this.books.workloads(AccessScope.all(0));
		assertThat(workloads).extracting(RepWorkload::repId).containsExactlyInAnyOrder(this.repA, this.repB);
		RepWorkload a = workloads.stream().filter((w) -> w.repId() == this.repA).findFirst().orElseThrow();
		assertThat(a.customers()).isEqualTo(6);
		assertThat(a.overdue()).isEqualTo(5);
		assertThat(this.books.workloads(AccessScope.own(this.repB))).extracting(RepWorkload::repId)
			.containsExactly(this.repB);
	}

	@Test
	void bookPagesFollowTheBookOrderAndAPagePastTheLastShowsTheLast() {
		List<String> codes = IntStream.rangeClosed(1, 120).mapToObj("P%03d"::formatted).toList();
		new TestData(this.jdbc).customers(codes);
		this.jdbc.update("update customers set owner_id = ? where code like 'P%'", this.repA);
		assertThat(this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, "tester")).getStatus())
			.isEqualTo(RunStatus.SUCCEEDED);
		Instant now = Instant.now();
		for (int i = 0; i < 40; i++) {
			interaction(codes.get(i * 3), now.minus(Duration.ofHours(12 + 24L * 9 * i)));
		}
		AccessScope scope = AccessScope.own(this.repA);
		RepBook first = this.books.book(this.repA, scope, 1);
		assertThat(first.total()).isEqualTo(126);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.entries()).hasSize(RepBooks.PAGE_SIZE);
		assertThat(first.overdueCount()).isGreaterThan(first.overdue().size());
		RepBook third = this.books.book(this.repA, scope, 3);
		assertThat(third.entries()).hasSize(26);
		assertThat(third.firstRow()).isEqualTo(101);
		assertThat(third.lastRow()).isEqualTo(126);
		assertThat(third.overdueCount()).isEqualTo(first.overdueCount());
		RepBook past = this.books.book(this.repA, scope, 9);
		assertThat(past.page()).isEqualTo(3);
		assertThat(past.entries()).isEqualTo(third.entries());

		List<BookEntry> paged = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			paged.addAll(this.books.book(this.repA, scope, page).entries());
		}
		assertThat(paged).extracting(BookEntry::code).doesNotHaveDuplicates().hasSize(126);
		assertThat(paged.stream().filter((entry) -> entry.contact().overdue()).count()).isEqualTo(first.overdueCount());
		assertThat(paged)
			.extracting(BookEntry::code, (entry) -> entry.contact().lastContact(), (entry) -> entry.contact().overdue())
			.containsExactlyElementsOf(bookFromInteractions(this.repA, now));
	}

	@Test
	void bookAndWorkloadsGiveTheSameAnswersAsAggregatingTheInteractions() {
		Instant now = Instant.now();
		// Several contacts per customer, written newest first, on both sides of every
		// cadence (14, 30, 60 and 180 days); K02, K05 and NONE never contacted.
		String[] contacted = { "K01", "K03", "K04", "K06", "K07", "K08", "K09", "K10" };
		int[] daysAgo = { 0, 10, 20, 45, 100, 400 };
		for (int i = 0; i < contacted.length; i++) {
			for (int j = i % daysAgo.length; j < daysAgo.length; j += 2) {
				interaction(contacted[i], now.minus(Duration.ofHours(12 + 24L * daysAgo[j])));
			}
		}
		interaction("K07", now.minus(Duration.ofDays(3000)));
		List<RepWorkload> workloads = this.books.workloads(AccessScope.all(0));
		assertThat(workloads).isEqualTo(workloadsFromInteractions(now));
		assertThat(workloads).hasSize(2)
			.allSatisfy((workload) -> assertThat(workload.overdue()).isPositive().isLessThan(workload.customers()));
		assertThat(this.books.workloads(AccessScope.own(this.repB))).containsExactly(
				workloads.stream().filter((workload) -> workload.repId() == this.repB).findFirst().orElseThrow());
		for (long rep : new long[] { this.repA, this.repB }) {
			assertThat(this.books.book(rep, AccessScope.all(0), 1).entries())
				.extracting(BookEntry::code, (entry) -> entry.contact().lastContact(),
						(entry) -> entry.contact().overdue())
				.containsExactlyElementsOf(bookFromInteractions(rep, now));
		}
	}

	/** What RepBooks.workloads returned when it aggregated every interaction. */
	private List<RepWorkload> workloadsFromInteractions(Instant now) {
		return new NamedParameterJdbcTemplate(this.jdbc).query("select b.owner_id, u.display_name, count(*),"
				+ " sum(case when " + OVERDUE_BEFORE + " then 1 else 0 end) from (select c.owner_id,"
				+ " v.contact_cadence_days as cadence, l.last_at from customers c left join (select i.customer_id,"
				+ " max(i.occurred_at) as last_at from interactions i group by i.customer_id) l"
				+ " on l.customer_id = c.id" + CADENCE_JOINS_BEFORE + " where c.owner_id is not null) b"
				+ " join users u on u.id = b.owner_id group by b.owner_id, u.display_name"
				+ " order by 4 desc, u.display_name, b.owner_id", new MapSqlParameterSource("now", Timestamp.from(now)),
				(rs, row) -> new RepWorkload(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
	}

	/** The rows of a whole book as RepBooks.book read them with a probe per customer. */
	private List<org.assertj.core.groups.Tuple> bookFromInteractions(long rep, Instant now) {
		return new NamedParameterJdbcTemplate(this.jdbc).query(
				"select b.code, b.last_at, case when " + OVERDUE_BEFORE
						+ " then 1 else 0 end from (select c.id, c.code, c.name, t.rank_order,"
						+ " v.contact_cadence_days as cadence, (select max(i.occurred_at) from interactions i"
						+ " where i.customer_id = c.id) as last_at from customers c" + CADENCE_JOINS_BEFORE
						+ " left join tiers t on t.code = s.tier where c.owner_id = :rep) b order by case when "
						+ OVERDUE_BEFORE + " then 0 else 1 end, coalesce(b.rank_order, 2147483647),"
						+ " b.last_at + b.cadence * interval '1' day nulls first, b.name, b.id",
				new MapSqlParameterSource("rep", rep).addValue("now", Timestamp.from(now)), (rs, row) -> {
					Timestamp last = rs.getTimestamp(2);
					return tuple(rs.getString(1), (last != null) ? last.toInstant() : null, rs.getInt(3) == 1);
				});
	}

	private static final String CADENCE_JOINS_BEFORE = " left join customer_segments s on s.run_id ="
			+ " (select st.published_run_id from segmentation_state st where st.id = 1) and s.customer_id = c.id"
			+ " left join tier_policies p on p.tier_code = s.tier"
			+ " left join tier_policy_versions v on v.tier_code = p.tier_code and v.version = p.current_version";

	private static final String OVERDUE_BEFORE = "(b.cadence is not null and (b.last_at is null or"
			+ " b.last_at + b.cadence * interval '1' day < :now))";

	private static BookEntry find(RepBook book, String code) {
		return book.entries().stream().filter((entry) -> entry.code().equals(code)).findFirst().orElseThrow();
	}

	private void interaction(String code, Instant at) {
		new TestData(this.jdbc).interaction(code, at, null);
	}

}
