package com.tiercrm.today;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBook;
import com.tiercrm.book.RepBooks;
import com.tiercrm.task.TaskManagement;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.run.TierOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a user's day. Every list starts from the user's own customers (the owner index)
 * or their own tasks (the assignee index) and reaches a run's rows by their key, so its
 * cost follows the size of one book, not of all customers.
 */
@Service
public class TodayAgenda {

	/** The most rows the full list of moved-down customers shows. */
	public static final int FULL_LIST = 500;

	private static final String RUNS = "select r.id, r.as_of from segmentation_state st"
			+ " join segmentation_runs r on r.id = st.published_run_id where st.id = 1";

	// Joined from the owner's customers, so that each run's row is read by its key.
	private static final String MOVES = " from customers c"
			+ " join customer_segments s on s.run_id = :run and s.customer_id = c.id"
			+ " join customer_segments p on p.run_id = :previous and p.customer_id = c.id";

	private static final String OWNER = " where c.owner_id = :owner and ";

	private final NamedParameterJdbcTemplate jdbc;

	private final TaskManagement tasks;

	private final RepBooks books;

	private final DashboardProperties dashboard;

	TodayAgenda(NamedParameterJdbcTemplate jdbc, TaskManagement tasks, RepBooks books, DashboardProperties dashboard) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.books = books;
		this.dashboard = dashboard;
	}

	/**
	 * The user's day.
	 * @param userId whose day: their tasks and the customers they own
	 * @param scope what the user may see
	 * @param endOfDay the end of today in the user's time zone: tasks due before it count
	 * @param limit how many of each list to show
	 * @return the day
	 */
	@Transactional(readOnly = true)
	public Today today(long userId, AccessScope scope, Instant endOfDay, int limit) {
		RunPair runs = runs();
		RepBook book = this.books.book(userId, scope, 1);
		List<BookEntry> overdue = book.overdue();
		return new Today(this.tasks.assignedTo(userId, scope, endOfDay, false, limit),
				overdue.subList(0, Math.min(limit, overdue.size())), book.overdueCount(),
				downgrades(runs, userId, scope, limit), fellBelow(runs, userId, scope, limit),
				this.dashboard.churnThreshold(), runs.asOf(), runs.previousAsOf());
	}

	/**
	 * All the user's customers the published run moved to a lower tier, up to
	 * {@link #FULL_LIST}, the best previous tier first.
	 */
	@Transactional(readOnly = true)
	public Moves downgrades(long userId, AccessScope scope) {
		return downgrades(runs(), userId, scope, FULL_LIST);
	}

	private Moves downgrades(RunPair runs, long userId, AccessScope scope, int limit) {
		if (runs.previous() == null) {
			return Moves.NONE;
		}
		// As Downgrade.BEST_FIRST orders them: the best previous tier, the highest
		// previous value.
		return moves(
				"select c.code, c.name, p.tier as from_tier, s.tier as to_tier, p.p_alive as alive_before,"
						+ " s.p_alive as alive_now, count(*) over () as total" + MOVES
						+ " join tiers pt on pt.code = p.tier" + OWNER + scope.ownerCondition("c.owner_id") + " and "
						+ TierOrder.downgradeCondition("p.tier", "s.tier")
						+ " order by pt.rank_order, p.abc_value desc, c.id" + " limit :limit",
				runs, userId, scope, limit);
	}

	private Moves fellBelow(RunPair runs, long userId, AccessScope scope, int limit) {
		if (runs.previous() == null) {
			return Moves.NONE;
		}
		// The most valuable first: those most worth winning back.
		return moves("select c.code, c.name, p.tier as from_tier, s.tier as to_tier, p.p_alive as alive_before,"
				+ " s.p_alive as alive_now, count(*) over () as total" + MOVES + OWNER
				+ scope.ownerCondition("c.owner_id") + " and s.p_alive < :threshold and p.p_alive >= :threshold"
				+ " order by s.clv_predicted desc, c.id limit :limit", runs, userId, scope, limit);
	}

	private Moves moves(String sql, RunPair runs, long userId, AccessScope scope, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("run", runs.run())
			.addValue("previous", runs.previous())
			.addValue("owner", userId)
			.addValue("scopeUser", scope.userId())
			.addValue("threshold", this.dashboard.churnThreshold())
			.addValue("limit", limit);
		long[] total = { 0 };
		List<CustomerMove> items = this.jdbc.query(sql, params, (rs, row) -> {
			total[0] = rs.getLong("total");
			return new CustomerMove(rs.getString("code"), rs.getString("name"), rs.getString("from_tier"),
					rs.getString("to_tier"), rs.getObject("alive_before", Double.class),
					rs.getObject("alive_now", Double.class));
		});
		return new Moves(items, total[0]);
	}

	/**
	 * The published run and the succeeded run before it, which it moved customers from.
	 */
	private RunPair runs() {
		List<RunPair> published = this.jdbc.query(RUNS, new MapSqlParameterSource(),
				(rs, row) -> new RunPair(rs.getLong(1), rs.getObject(2, LocalDate.class), null, null));
		if (published.isEmpty()) {
			return new RunPair(null, null, null, null);
		}
		RunPair run = published.getFirst();
		return this.jdbc
			.query("select r.id, r.as_of from segmentation_runs r where r.id = (select max(e.id)"
					+ " from segmentation_runs e where e.status = 'SUCCEEDED' and e.id < :run)",
					new MapSqlParameterSource("run", run.run()),
					(rs, row) -> new RunPair(run.run(), run.asOf(), rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.stream()
			.findFirst()
			.orElse(run);
	}

	private record RunPair(@Nullable Long run, @Nullable LocalDate asOf, @Nullable Long previous,
			@Nullable LocalDate previousAsOf) {

	}

}
