package com.tiercrm.today;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.tiercrm.account.AccessScope;
import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBook;
import com.tiercrm.book.RepBooks;
import com.tiercrm.book.RunBookKeys;
import com.tiercrm.task.TaskManagement;
import com.tiercrm.tiering.insight.DashboardProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a user's day. Every list starts from the user's own customers (the owner index),
 * their own tasks (the assignee index) or the downgrades the run kept for them (the owner
 * index of {@code run_downgrades}) and reaches a run's rows by their key, so its cost
 * follows the size of one book, not of all customers.
 */
@Service
public class TodayAgenda {

	/**
	 * The most rows the full list of moved-down customers shows; the run keeps fewer per
	 * owner ({@code tiercrm.dashboard.downgrades-per-owner}).
	 */
	public static final int FULL_LIST = 500;

	private static final String RUNS = "select r.id, r.as_of from segmentation_state st"
			+ " join segmentation_runs r on r.id = st.published_run_id where st.id = 1";

	// Joined from the owner's customers, so that each run's row is read by its key.
	private static final String MOVES = " from customers c"
			+ " join customer_segments s on s.run_id = :run and s.customer_id = c.id"
			+ " join customer_segments p on p.run_id = :previous and p.customer_id = c.id";

	private static final String OWNER = " where c.owner_id = :owner and c.status <> 'MERGED' and ";

	private final NamedParameterJdbcTemplate jdbc;

	private final TaskManagement tasks;

	private final RepBooks books;

	private final DashboardProperties dashboard;

	private final RunBookKeys keys;

	TodayAgenda(NamedParameterJdbcTemplate jdbc, TaskManagement tasks, RepBooks books, DashboardProperties dashboard,
			RunBookKeys keys) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.books = books;
		this.dashboard = dashboard;
		this.keys = keys;
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
	 * The user's customers the published run moved to a lower tier, as many as the run
	 * kept for them, the best previous tier first.
	 */
	@Transactional(readOnly = true)
	public Moves downgrades(long userId, AccessScope scope) {
		return downgrades(runs(), userId, scope, FULL_LIST);
	}

	private Moves downgrades(RunPair runs, long userId, AccessScope scope, int limit) {
		if (runs.previous() == null) {
			return Moves.NONE;
		}
		// What the run stored: each owner's most valuable downgrades, in the order of
		// Downgrade.BEST_FIRST; customers given to someone else since are left out.
		return moves("select c.code, c.name, d.from_tier, d.to_tier, s.p_alive as alive_now,"
				+ " cast(null as double precision) as alive_before, count(*) over () as total from run_downgrades d"
				+ " join customers c on c.id = d.customer_id"
				+ " left join customer_segments s on s.run_id = :run and s.customer_id = d.customer_id"
				+ " where d.run_id = :run and d.owner_id = :owner and c.owner_id = :owner and c.status <> 'MERGED' and "
				+ scope.ownerCondition("c.owner_id") + " order by d.from_rank, d.abc_value desc, d.customer_id"
				+ " limit :limit", runs, userId, scope, limit);
	}

	private Moves fellBelow(RunPair runs, long userId, AccessScope scope, int limit) {
		if (runs.previous() == null) {
			return Moves.NONE;
		}
		RunBookKeys.State state = this.keys.state();
		if (state.current() && Objects.equals(state.previousRunId(), runs.previous()) && state.churnThreshold() != null
				&& state.churnThreshold() == this.dashboard.churnThreshold()) {
			// Marked in the owner's keys when the run was published: the owner's few
			// marked rows from the index, and the two runs' rows of those alone.
			return moves("select c.code, c.name, p.tier as from_tier, s.tier as to_tier, p.p_alive as alive_before,"
					+ " s.p_alive as alive_now, count(*) over () as total from book_keys k"
					+ " join customers c on c.id = k.customer_id"
					+ " join customer_segments s on s.run_id = :run and s.customer_id = k.customer_id"
					+ " join customer_segments p on p.run_id = :previous and p.customer_id = k.customer_id"
					+ " where k.owner_id = :owner and k.fell_clv is not null and " + scope.ownerCondition("k.owner_id")
					+ " order by k.fell_clv desc, k.customer_id limit :limit", runs, userId, scope, limit);
		}
		// The most valuable first: those most worth winning back. Sorted by an
		// expression, so that the plan starts from the owner's customers rather than
		// walking the run's index by value through all customers.
		return moves("select c.code, c.name, p.tier as from_tier, s.tier as to_tier, p.p_alive as alive_before,"
				+ " s.p_alive as alive_now, count(*) over () as total" + MOVES + OWNER
				+ scope.ownerCondition("c.owner_id") + " and s.p_alive < :threshold and p.p_alive >= :threshold"
				+ " order by s.clv_predicted + 0 desc, c.id limit :limit", runs, userId, scope, limit);
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
	 * The published run and the run before it, which it moved customers from.
	 */
	private RunPair runs() {
		List<RunPair> published = this.jdbc.query(RUNS, new MapSqlParameterSource(),
				(rs, row) -> new RunPair(rs.getLong(1), rs.getObject(2, LocalDate.class), null, null));
		if (published.isEmpty()) {
			return new RunPair(null, null, null, null);
		}
		RunPair run = published.getFirst();
		// The run it was compared with when it was published.
		return this.jdbc
			.query("select r.id, r.as_of from run_aggregates a join segmentation_runs r on r.id = a.previous_run_id"
					+ " where a.run_id = :run", new MapSqlParameterSource("run", run.run()),
					(rs, row) -> new RunPair(run.run(), run.asOf(), rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.stream()
			.findFirst()
			.orElse(run);
	}

	private record RunPair(@Nullable Long run, @Nullable LocalDate asOf, @Nullable Long previous,
			@Nullable LocalDate previousAsOf) {

	}

}
