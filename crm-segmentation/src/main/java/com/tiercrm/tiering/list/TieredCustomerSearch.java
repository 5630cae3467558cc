package com.tiercrm.tiering.list;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.tiercrm.account.AccessScope;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one customer search, behind the customer pages, their exports and
 * {@code /api/v1/customers}: the customers with the published run's results, scoped in
 * the query to what the user may see, filtered by the plain filters and by tier, classes
 * and probability-alive band, sorted by name or by a result, and keyset-paged with one
 * opaque cursor format. Filters and sorts by a result are driven by the run's rows
 * (indexed per run on PostgreSQL); the others by the customers.
 */
@Service
public class TieredCustomerSearch {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int EXPORT_FETCH_SIZE = 1000;

	/** The most rows the planner may expect for PostgreSQL to count them. */
	static final long COUNT_ESTIMATE_LIMIT = 200_000;

	/** How long a count may take on PostgreSQL before the estimate stands in. */
	static final int COUNT_TIMEOUT_MILLIS = 300;

	/** The planner's row estimate on the first line of a plan. */
	private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final SegmentationConfigs configs;

	private final TierLabels tiers;

	private final DatabaseDialect dialect;

	private final TransactionTemplate counting;

	private final DashboardProperties dashboard;

	TieredCustomerSearch(NamedParameterJdbcTemplate jdbc, DataSource dataSource, SegmentationConfigs configs,
			TierLabels tiers, DatabaseDialect dialect, PlatformTransactionManager transactions,
			DashboardProperties dashboard) {
		this.jdbc = jdbc;
		this.dashboard = dashboard;
		this.configs = configs;
		this.tiers = tiers;
		this.dialect = dialect;
		this.counting = new TransactionTemplate(transactions);
		this.counting.setReadOnly(true);
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(EXPORT_FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
	}

	/**
	 * The tiers of the model in force, every model's classes and the churn threshold the
	 * probability-alive bands start from.
	 * @return the values the list can be filtered by
	 */
	public TierFilterOptions filterOptions() {
		return new TierFilterOptions(this.tiers.codes(this.configs.tierModelInForce()), this.tiers.classes("ABC"),
				this.tiers.classes("RFM"), this.tiers.classes("CLV"), this.dashboard.churnThreshold());
	}

	/**
	 * One page of the list.
	 * @param criteria filters, sort and cursor
	 * @param scope what the user may see
	 * @return the page
	 * @throws InvalidListCursorException if the cursor is not one this sort handed out
	 */
	@Transactional(readOnly = true)
	public TieredPage search(TieredCriteria criteria, AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		TieredSort sort = criteria.sort();
		Cursor cursor = (criteria.cursor() != null) ? Cursor.decode(criteria.cursor(), sort) : null;
		boolean backwards = cursor != null && cursor.backwards();
		StringBuilder where = conditions(criteria, scope, params);
		if (cursor != null) {
			// Row comparison: PostgreSQL turns it into one index range.
			boolean greater = sort.descending() == cursor.backwards();
			where.append(" and (")
				.append(sort.column())
				.append(", ")
				.append(sort.idColumn())
				.append(greater ? ") > (" : ") < (")
				.append(":keyValue, :keyId)");
			params.addValue("keyValue", cursor.typedValue());
			params.addValue("keyId", cursor.id());
		}
		// Walking backwards reads the reverse order and flips the rows afterwards.
		boolean descending = sort.descending() != backwards;
		params.addValue("limit", criteria.size() + 1);
		List<TieredCustomer> rows = new ArrayList<>(this.jdbc
			.query(select(criteria, where, descending) + " limit :limit", params, TieredCustomerSearch::row));
		boolean more = rows.size() > criteria.size();
		if (more) {
			rows.removeLast();
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		String next = null;
		String previous = null;
		if (!rows.isEmpty()) {
			if (backwards || more) {
				next = Cursor.of(sort, rows.getLast(), false).encode();
			}
			if ((backwards && more) || (!backwards && cursor != null)) {
				previous = Cursor.of(sort, rows.getFirst(), true).encode();
			}
		}
		return new TieredPage(List.copyOf(rows), next, previous);
	}

	/**
	 * How many customers the criteria match, ignoring the cursor and page size. H2
	 * counts; PostgreSQL counts when the planner expects at most
	 * {@value #COUNT_ESTIMATE_LIMIT} rows and the count ends within
	 * {@value #COUNT_TIMEOUT_MILLIS} ms, and otherwise reports the planner's estimate, so
	 * that a list of a million customers never waits for its total.
	 * @param criteria filters
	 * @param scope what the user may see
	 * @return the total, counted or estimated
	 */
	public ListTotal total(TieredCriteria criteria, AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = conditions(criteria, scope, params);
		boolean joinsRun = criteria.sort().bySegment() || criteria.filtersBySegment();
		String from = "from customers c"
				+ (joinsRun ? " join customer_segments s on s.run_id = :runId and s.customer_id = c.id" : "") + where;
		if (!this.dialect.isPostgres()) {
			return new ListTotal(count(from, params), true);
		}
		long estimate = estimate(from, params);
		if (estimate <= COUNT_ESTIMATE_LIMIT) {
			try {
				Long counted = this.counting.execute((status) -> {
					this.jdbc.getJdbcOperations().execute("set local statement_timeout = " + COUNT_TIMEOUT_MILLIS);
					return count(from, params);
				});
				if (counted != null) {
					return new ListTotal(counted, true);
				}
			}
			catch (DataAccessException ex) {
				// Cancelled by the timeout: the estimate will do.
			}
		}
		return new ListTotal(estimate, false);
	}

	private long count(String from, MapSqlParameterSource params) {
		Long count = this.jdbc.queryForObject("select count(*) " + from, params, Long.class);
		return (count != null) ? count : 0;
	}

	private long estimate(String from, MapSqlParameterSource params) {
		List<String> plan = this.jdbc.queryForList("explain select 1 " + from, params, String.class);
		Matcher rows = PLAN_ROWS.matcher(plan.isEmpty() ? "" : plan.getFirst());
		if (!rows.find()) {
			throw new IllegalStateException("No estimate in the plan: " + plan);
		}
		return Long.parseLong(rows.group(1));
	}

	/**
	 * Every row the criteria match, in their order, streamed from the database without
	 * holding them; the cursor and page size are ignored.
	 * @param criteria filters and sort
	 * @param scope what the user may see
	 * @param action receives each row
	 */
	@Transactional(readOnly = true)
	public void forEach(TieredCriteria criteria, AccessScope scope, Consumer<TieredCustomer> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = conditions(criteria, scope, params);
		this.streaming.query(select(criteria, where, criteria.sort().descending()), params,
				(ResultSet rs) -> action.accept(row(rs, rs.getRow())));
	}

	/**
	 * The ids of every customer the criteria match within the scope, as a query to embed
	 * in set-based statements ({@code ... where id in (<query>)}); the sort, cursor and
	 * page size are ignored.
	 * @param criteria filters
	 * @param scope what the user may see
	 * @return the query and its parameters
	 */
	public MatchingCustomers matching(TieredCriteria criteria, AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = conditions(criteria, scope, params, false);
		String join = criteria.filtersBySegment()
				? " join customer_segments s on s.run_id = :runId and s.customer_id = c.id" : "";
		return new MatchingCustomers("select c.id from customers c" + join + where, params);
	}

	private StringBuilder conditions(TieredCriteria criteria, AccessScope scope, MapSqlParameterSource params) {
		return conditions(criteria, scope, params, walksRunIndex(criteria));
	}

	private StringBuilder conditions(TieredCriteria criteria, AccessScope scope, MapSqlParameterSource params,
			boolean walksIndex) {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc.getJdbcOperations());
		params.addValue("runId", (runId != null) ? runId : -1L);
		// Merged customers live on only in their own page, which names the one kept.
		StringBuilder where = new StringBuilder(" where c.status <> 'MERGED'");
		params.addValue("scopeUser", scope.userId());
		if (scope.kind() != AccessScope.Kind.ALL) {
			where.append(" and ").append(ownerCondition(scope::ownerCondition, walksIndex));
		}
		if (criteria.ownerId() != null) {
			where.append(" and ").append(ownerCondition((owner) -> owner + " = :ownerId", walksIndex));
			params.addValue("ownerId", criteria.ownerId());
		}
		appendCustomerFilters(where, params, criteria, this.dialect.isPostgres(),
				scope.kind() == AccessScope.Kind.ALL && criteria.ownerId() == null);
		if (criteria.tier() != null) {
			where.append(" and s.tier = :tier");
			params.addValue("tier", criteria.tier());
		}
		if (criteria.abcClass() != null) {
			where.append(" and s.abc_class = :abcClass");
			params.addValue("abcClass", criteria.abcClass());
		}
		if (criteria.rfmSegment() != null) {
			where.append(" and s.rfm_segment = :rfmSegment");
			params.addValue("rfmSegment", criteria.rfmSegment());
		}
		if (criteria.clvClass() != null) {
			where.append(" and s.clv_class = :clvClass");
			params.addValue("clvClass", criteria.clvClass());
		}
		if (criteria.alive() != null) {
			where.append(" and ").append(criteria.alive().condition());
			params.addValue("aliveThreshold", this.dashboard.churnThreshold());
			params.addValue("aliveLikely", AliveBand.likelyFrom(this.dashboard.churnThreshold()));
		}
		return where;
	}

	/**
	 * The plain filters. A fragment of one or two characters (a Chinese surname, 王伟) is
	 * beyond the trigram indexes, and the planner then walks the name index testing every
	 * name, seconds for a million customers; across everyone's customers on PostgreSQL
	 * the names holding it are first looked up in the grams index of {@code V36}. A rep's
	 * or a team's customers are few enough to test.
	 */
	private static void appendCustomerFilters(StringBuilder where, MapSqlParameterSource params,
			TieredCriteria criteria, boolean postgres, boolean everyone) {
		if (criteria.region() != null) {
			where.append(" and c.region = :region");
			params.addValue("region", criteria.region());
		}
		if (criteria.industry() != null) {
			where.append(" and c.industry = :industry");
			params.addValue("industry", criteria.industry());
		}
		if (criteria.text() != null) {
			String text = criteria.text();
			String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			if (postgres && text.codePointCount(0, text.length()) < 3) {
				// strpos, not ILIKE: a generic plan (the driver's after five runs) would
				// add
				// the trigram index to the ILIKE, reading all its entries for so short a
				// pattern.
				where.append(" and ((strpos(lower(c.name), lower(cast(:text as text))) > 0");
				if (everyone) {
					where.append(" and c.id = any(array(select g.id from customers g")
						.append(" where tiercrm_short_grams(g.name) @> array[lower(cast(:text as text))]))");
				}
				where.append(")");
				params.addValue("text", text);
			}
			else {
				where.append(" and (c.name ilike :textAnywhere escape '\\'");
			}
			where.append(" or c.code ilike :textPrefix escape '\\'");
			params.addValue("textAnywhere", "%" + escaped + "%");
			params.addValue("textPrefix", escaped + "%");
			String digits = text.replaceAll("[^0-9]", "");
			if (digits.length() >= 4) {
				where.append(" or c.phone like :phoneDigits");
				params.addValue("phoneDigits", "%" + digits + "%");
			}
			where.append(")");
		}
	}

	/**
	 * Whether the page walks one of the run's list indexes in sort order (PostgreSQL's
	 * {@code V7}: a tier by spend, everyone by predicted value) and stops after a page,
	 * checking each row's customer on the way. Other sorts by a result read the scope's
	 * customers first and sort them.
	 */
	private static boolean walksRunIndex(TieredCriteria criteria) {
		return criteria.sort() == TieredSort.CLV_DESC
				|| (criteria.sort() == TieredSort.MONETARY_DESC && criteria.tier() != null);
	}

	/**
	 * A condition on the customer's owner column. When the page walks a run's index it is
	 * checked in the narrow {@code (id, owner_id)} index, so that the thousands of rows a
	 * rep's page skips never touch the customers' table (a rep's tier by spend: 74 ms in
	 * SQL as a join, 10 ms so); otherwise on the customer row, which lets the planner
	 * start from the owner's customers.
	 */
	private static String ownerCondition(UnaryOperator<String> condition, boolean walksIndex) {
		return walksIndex ? "exists (select 1 from customers o where o.id = s.customer_id and "
				+ condition.apply("o.owner_id") + ")" : condition.apply("c.owner_id");
	}

	private static String select(TieredCriteria criteria, StringBuilder where, boolean descending) {
		TieredSort sort = criteria.sort();
		String join = (sort.bySegment() || criteria.filtersBySegment()) ? " join" : " left join";
		String direction = descending ? " desc" : " asc";
		// Pages and exports show the number as it was written, the API both.
		return "select c.id, c.code, c.name, c.type, c.phone, coalesce(c.phone_display, c.phone) as phone_display,"
				+ " c.region, c.city, c.industry, c.owner_id,"
				+ " u.display_name as owner_name, c.status, c.created_at, s.tier, s.abc_class, s.rfm_segment,"
				+ " s.clv_class, s.monetary, s.recency_days, s.clv_predicted, s.p_alive from customers c" + join
				+ " customer_segments s on s.run_id = :runId and s.customer_id = c.id"
				+ " left join users u on u.id = c.owner_id" + where + " order by " + sort.column() + direction + ", "
				+ sort.idColumn() + direction;
	}

	private static TieredCustomer row(ResultSet rs, int rowNum) throws SQLException {
		return new TieredCustomer(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
				rs.getString("phone"), rs.getString("phone_display"), rs.getString("region"), rs.getString("city"),
				rs.getString("industry"), rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
				rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getString("tier"),
				rs.getString("abc_class"), rs.getString("rfm_segment"), rs.getString("clv_class"),
				rs.getObject("monetary", Double.class), rs.getObject("recency_days", Integer.class),
				rs.getObject("clv_predicted", Double.class), rs.getObject("p_alive", Double.class));
	}

	/**
	 * Where a page starts: the sort key and id of the row next to it, and the direction
	 * to walk.
	 */
	private record Cursor(TieredSort sort, String value, long id, boolean backwards) {

		static Cursor of(TieredSort sort, TieredCustomer row, boolean backwards) {
			String value = switch (sort) {
				case NAME_ASC, NAME_DESC -> row.name();
				case CODE_ASC, CODE_DESC -> row.code();
				case NEWEST -> row.createdAt().toString();
				case MONETARY_DESC -> String.valueOf(row.monetary());
				case CLV_DESC -> String.valueOf(row.clvPredicted());
				case RECENCY_ASC ->
					String.valueOf((row.recencyDays() != null) ? row.recencyDays().intValue() : Integer.MAX_VALUE);
			};
			return new Cursor(sort, value, row.id(), backwards);
		}

		Object typedValue() {
			return switch (this.sort.key()) {
				case TEXT -> this.value;
				case TIME -> Timestamp.from(Instant.parse(this.value));
				case NUMBER -> Double.parseDouble(this.value);
				case INTEGER -> Integer.parseInt(this.value);
			};
		}

		String encode() {
			String raw = this.sort.name() + '\n' + (this.backwards ? 'b' : 'a') + '\n' + this.id + '\n' + this.value;
			return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(@Nullable String encoded, TieredSort expectedSort) {
			try {
				String[] parts = new String(DECODER.decode(String.valueOf(encoded)), StandardCharsets.UTF_8).split("\n",
						4);
				TieredSort sort = TieredSort.valueOf(parts[0]);
				if (parts.length != 4 || sort != expectedSort || !(parts[1].equals("a") || parts[1].equals("b"))) {
					throw new InvalidListCursorException(String.valueOf(encoded));
				}
				Cursor cursor = new Cursor(sort, parts[3], Long.parseLong(parts[2]), parts[1].equals("b"));
				cursor.typedValue();
				return cursor;
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException ex) {
				throw (ex instanceof InvalidListCursorException invalid) ? invalid
						: new InvalidListCursorException(String.valueOf(encoded));
			}
		}

	}

}
