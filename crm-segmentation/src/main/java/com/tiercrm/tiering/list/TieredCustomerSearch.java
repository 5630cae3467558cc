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
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one customer search, behind the customer pages, their exports and
 * {@code /api/v1/customers}: the customers with the published run's results, scoped in
 * the query to what the user may see, filtered by the plain filters and by tier, classes
 * and probability-alive band, sorted by name or by a result, and keyset-paged with one
 * opaque cursor format. Filters and sorts by a result are driven by the run's rows
 * (indexed per run on PostgreSQL); the others by the customers. One owner's customers
 * sorted by a result (a rep's list by spend, recency or predicted value) are read from
 * {@code list_keys} once it holds the published run ({@link RunListKeys}), as one range
 * of the owner's index, and only the rows of the page are joined to the run.
 */
@Service
public class TieredCustomerSearch {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int EXPORT_FETCH_SIZE = 1000;

	/** The most rows the planner may expect for PostgreSQL to count them. */
	static final long COUNT_ESTIMATE_LIMIT = 200_000;

	/**
	 * The most rows the planner may expect for PostgreSQL to count a text search's
	 * matches: each is read from the customers' table (16,000 for 王 across everyone took
	 * as long again as the page).
	 */
	static final long TEXT_COUNT_ESTIMATE_LIMIT = 5_000;

	/** How long a count may take on PostgreSQL before the estimate stands in. */
	static final int COUNT_TIMEOUT_MILLIS = 300;

	/** The most customers a short fragment's page sorts; see {@link #sortsAllMatches}. */
	static final long SORTED_MATCHES_LIMIT = 50_000;

	private static final String SHORT_NAME_MATCH = "tiercrm_short_grams(c.name) @> array[lower(cast(:text as text))]";

	/** The customer's own columns of a list row. */
	private static final String CUSTOMER_COLUMNS = "c.id, c.code, c.name, c.type, c.phone, c.phone_display,"
			+ " c.region, c.city, c.industry, c.owner_id, c.status, c.created_at";

	/** Pages and exports show the number as it was written, the API both. */
	private static final String COLUMNS = "c.id, c.code, c.name, c.type, c.phone,"
			+ " coalesce(c.phone_display, c.phone) as phone_display, c.region, c.city, c.industry, c.owner_id,"
			+ " u.display_name as owner_name, c.status, c.created_at, s.tier, s.abc_class, s.rfm_segment,"
			+ " s.clv_class, s.monetary, s.recency_days, s.clv_predicted, s.p_alive";

	/** The planner's row estimate on the first line of a plan. */
	private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final SegmentationConfigs configs;

	private final TierLabels tiers;

	private final DatabaseDialect dialect;

	private final TransactionTemplate counting;

	private final DashboardProperties dashboard;

	private final RunListKeys listKeys;

	TieredCustomerSearch(NamedParameterJdbcTemplate jdbc, DataSource dataSource, SegmentationConfigs configs,
			TierLabels tiers, DatabaseDialect dialect, PlatformTransactionManager transactions,
			DashboardProperties dashboard, RunListKeys listKeys) {
		this.jdbc = jdbc;
		this.listKeys = listKeys;
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
	// One snapshot: the published run, the keys' state and the keys read together.
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public TieredPage search(TieredCriteria criteria, AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		TieredSort sort = criteria.sort();
		Cursor cursor = (criteria.cursor() != null) ? Cursor.decode(criteria.cursor(), sort) : null;
		boolean backwards = cursor != null && cursor.backwards();
		// Walking backwards reads the reverse order and flips the rows afterwards.
		boolean descending = sort.descending() != backwards;
		params.addValue("limit", criteria.size() + 1);
		Long keyedRun = sort.bySegment() ? keyedRun(criteria, scope) : null;
		String sql;
		if (keyedRun != null) {
			String where = keyConditions(criteria, scope, params, keyedRun, sort.keysColumn())
					+ keyset(cursor, sort.keysColumn(), "k.customer_id", params);
			sql = keyedSelect(sort, where, descending, true);
		}
		else {
			StringBuilder base = conditions(criteria, scope, params, walksRunIndex(criteria), TextMatch.NONE);
			String keyset = keyset(cursor, sort.column(), sort.idColumn(), params);
			String where = base + textCondition(criteria, params, TextMatch.ANY) + keyset;
			sql = sortsAllMatches(criteria, params)
					? sortedMatches(criteria, base + textCondition(criteria, params, TextMatch.NAME) + keyset,
							base + textCondition(criteria, params, TextMatch.CODE_OR_PHONE) + keyset, descending)
					: select(criteria, where, descending, true);
		}
		List<TieredCustomer> rows = new ArrayList<>(this.jdbc.query(sql, params, TieredCustomerSearch::row));
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

	/** The keyset condition of a cursor: a row comparison, one index range. */
	private static String keyset(@Nullable Cursor cursor, String column, String idColumn,
			MapSqlParameterSource params) {
		if (cursor == null) {
			return "";
		}
		boolean greater = cursor.sort().descending() == cursor.backwards();
		params.addValue("keyValue", cursor.typedValue());
		params.addValue("keyId", cursor.id());
		return " and (" + column + ", " + idColumn + (greater ? ") > (" : ") < (") + ":keyValue, :keyId)";
	}

	/**
	 * How many customers the criteria match, ignoring the cursor and page size. H2
	 * counts; PostgreSQL counts when the planner expects at most
	 * {@value #COUNT_ESTIMATE_LIMIT} rows ({@value #TEXT_COUNT_ESTIMATE_LIMIT} for a text
	 * search) and the count ends within {@value #COUNT_TIMEOUT_MILLIS} ms, and otherwise
	 * reports the planner's estimate, so that a list of a million customers never waits
	 * for its total.
	 * @param criteria filters
	 * @param scope what the user may see
	 * @return the total, counted or estimated
	 */
	public ListTotal total(TieredCriteria criteria, AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		boolean joinsRun = criteria.sort().bySegment() || criteria.filtersBySegment();
		Long keyedRun = joinsRun ? keyedRun(criteria, scope) : null;
		String from = (keyedRun != null)
				? "from list_keys k" + keyConditions(criteria, scope, params, keyedRun, "k.monetary")
				: "from customers c"
						+ (joinsRun ? " join customer_segments s on s.run_id = :runId and s.customer_id = c.id" : "")
						+ conditions(criteria, scope, params);
		if (!this.dialect.isPostgres()) {
			return new ListTotal(count(from, params), true);
		}
		long estimate = estimate(from, params);
		if (estimate <= ((criteria.text() != null) ? TEXT_COUNT_ESTIMATE_LIMIT : COUNT_ESTIMATE_LIMIT)) {
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
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void forEach(TieredCriteria criteria, AccessScope scope, Consumer<TieredCustomer> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		TieredSort sort = criteria.sort();
		Long keyedRun = sort.bySegment() ? keyedRun(criteria, scope) : null;
		String sql = (keyedRun != null)
				? keyedSelect(sort, keyConditions(criteria, scope, params, keyedRun, sort.keysColumn()),
						sort.descending(), false)
				: select(criteria, conditions(criteria, scope, params), sort.descending(), false);
		this.streaming.query(sql, params, (ResultSet rs) -> action.accept(row(rs, rs.getRow())));
	}

	/**
	 * The published run when the list can be read from {@code list_keys}: one owner's
	 * customers (a rep's own, or an owner picked), filtered by nothing but the run's
	 * results, while the keys hold the published run.
	 */
	private @Nullable Long keyedRun(TieredCriteria criteria, AccessScope scope) {
		boolean oneOwner = scope.kind() == AccessScope.Kind.OWN || criteria.ownerId() != null;
		if (!oneOwner || criteria.text() != null || criteria.region() != null || criteria.industry() != null) {
			return null;
		}
		return this.listKeys.currentRunId();
	}

	/**
	 * The conditions on {@code list_keys} (alias {@code k}): the customers in the run
	 * (their key is set), the owner and the filters by a result.
	 */
	private String keyConditions(TieredCriteria criteria, AccessScope scope, MapSqlParameterSource params, long runId,
			String inRun) {
		params.addValue("runId", runId);
		params.addValue("scopeUser", scope.userId());
		StringBuilder where = new StringBuilder(" where ").append(inRun)
			.append(" is not null and ")
			.append(scope.ownerCondition("k.owner_id"));
		if (criteria.ownerId() != null) {
			where.append(" and k.owner_id = :ownerId");
			params.addValue("ownerId", criteria.ownerId());
		}
		if (criteria.tier() != null) {
			where.append(" and k.tier = :tier");
			params.addValue("tier", criteria.tier());
		}
		if (criteria.abcClass() != null) {
			where.append(" and k.abc_class = :abcClass");
			params.addValue("abcClass", criteria.abcClass());
		}
		if (criteria.rfmSegment() != null) {
			where.append(" and k.rfm_segment = :rfmSegment");
			params.addValue("rfmSegment", criteria.rfmSegment());
		}
		if (criteria.clvClass() != null) {
			where.append(" and k.clv_class = :clvClass");
			params.addValue("clvClass", criteria.clvClass());
		}
		if (criteria.alive() != null) {
			where.append(" and ").append(criteria.alive().condition("k.p_alive"));
			params.addValue("aliveThreshold", this.dashboard.churnThreshold());
			params.addValue("aliveLikely", AliveBand.likelyFrom(this.dashboard.churnThreshold()));
		}
		return where.toString();
	}

	/**
	 * A page (or all) of one owner's customers from {@code list_keys}: a range of the
	 * owner's index in the sort's order, then only those rows joined to the customers and
	 * the run. A key not matching its customer (which the writers keep from happening) is
	 * dropped rather than shown.
	 */
	private static String keyedSelect(TieredSort sort, String where, boolean descending, boolean page) {
		String direction = descending ? " desc" : " asc";
		return "select " + COLUMNS + " from (select k.customer_id, k.owner_id from list_keys k" + where + " order by "
				+ sort.keysColumn() + direction + ", k.customer_id" + direction + (page ? " limit :limit" : "")
				+ ") k join customers c on c.id = k.customer_id" + joins(true)
				+ " where c.status <> 'MERGED' and c.owner_id = k.owner_id" + order(sort, descending);
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
		return conditions(criteria, scope, params, walksIndex, TextMatch.ANY);
	}

	private StringBuilder conditions(TieredCriteria criteria, AccessScope scope, MapSqlParameterSource params,
			boolean walksIndex, TextMatch textMatch) {
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
		if (criteria.region() != null) {
			where.append(" and c.region = :region");
			params.addValue("region", criteria.region());
		}
		if (criteria.industry() != null) {
			where.append(" and c.industry = :industry");
			params.addValue("industry", criteria.industry());
		}
		where.append(textCondition(criteria, params, textMatch));
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
	 * The search text's condition. A fragment of one or two characters (a Chinese
	 * surname, 王伟) is beyond the trigram indexes; on PostgreSQL the names holding it are
	 * looked up in the grams index of {@code V36}, whose one- and two-character grams of
	 * the lower-cased name hold such a fragment exactly when the name does. A code is
	 * matched by its start, read on PostgreSQL from {@code V57}'s index of the
	 * lower-cased codes.
	 * @param match which of the alternatives to test: all of them, or the name or the
	 * others alone for a query that unites them
	 */
	private String textCondition(TieredCriteria criteria, MapSqlParameterSource params, TextMatch match) {
		String text = criteria.text();
		if (text == null || match == TextMatch.NONE) {
			return "";
		}
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		params.addValue("textAnywhere", "%" + escaped + "%");
		params.addValue("textPrefix", escaped + "%");
		params.addValue("text", text);
		List<String> alternatives = new ArrayList<>();
		if (match != TextMatch.CODE_OR_PHONE) {
			// The grams alone, no strpos or ILIKE beside them: the planner then estimates
			// the matches from the index's statistics.
			alternatives.add((this.dialect.isPostgres() && isShort(text)) ? SHORT_NAME_MATCH
					: "c.name ilike :textAnywhere escape '\\'");
		}
		if (match != TextMatch.NAME) {
			alternatives.add("lower(c.code) like lower(:textPrefix) escape '\\'");
			String digits = text.replaceAll("[^0-9]", "");
			if (digits.length() >= 4) {
				alternatives.add("c.phone like :phoneDigits");
				params.addValue("phoneDigits", "%" + digits + "%");
			}
		}
		return " and (" + String.join(" or ", alternatives) + ")";
	}

	private static boolean isShort(String text) {
		return text.codePointCount(0, text.length()) < 3;
	}

	/**
	 * Whether the page sorts every customer matching a short fragment instead of walking
	 * the sort's index. The planner would walk the name index for a fragment held by one
	 * name in sixty (王), expecting the first page within a few thousand names, but such
	 * names sit together far down the order: across everyone's customers it read 716,000
	 * names (55 s), for a team of 100,000 customers 20 s. Sorting the matches costs what
	 * there are of them, so it is done only while the grams index expects at most
	 * {@value #SORTED_MATCHES_LIMIT}; a fragment held by more names (a Latin letter) is
	 * dense enough for the walk. A rep's matches are still found with the rep's index.
	 */
	private boolean sortsAllMatches(TieredCriteria criteria, MapSqlParameterSource params) {
		String text = criteria.text();
		if (!this.dialect.isPostgres() || text == null || !isShort(text) || criteria.sort().bySegment()
				|| criteria.filtersBySegment()) {
			return false;
		}
		return estimate("from customers c where " + SHORT_NAME_MATCH, params) <= SORTED_MATCHES_LIMIT;
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

	/**
	 * The list's query. A page sorted and filtered by the customers alone finds its rows
	 * among the customers first and joins only those to the run's rows and their owners:
	 * joined before the sort, each of 16,000 matches was looked up in the run's partition
	 * only for all but a page of them to be dropped.
	 */
	private static String select(TieredCriteria criteria, CharSequence where, boolean descending, boolean page) {
		String order = order(criteria.sort(), descending);
		boolean bySegment = criteria.sort().bySegment() || criteria.filtersBySegment();
		if (!page || bySegment) {
			return "select " + COLUMNS + " from customers c" + joins(bySegment) + where + order
					+ (page ? " limit :limit" : "");
		}
		return "select " + COLUMNS + " from (select " + CUSTOMER_COLUMNS + " from customers c" + where + order
				+ " limit :limit) c" + joins(false) + order;
	}

	/**
	 * A page after sorting every match (see {@link #sortsAllMatches}): the customers
	 * whose name holds the text united with those whose code or phone does, collected
	 * first (the materialized CTE is a fence the planner does not see through). Apart,
	 * each half is read from one index without testing the other half's condition on
	 * every row, which for the grams meant computing each name's grams again (1.1 s for
	 * 王).
	 */
	private static String sortedMatches(TieredCriteria criteria, String byName, String byCodeOrPhone,
			boolean descending) {
		String order = order(criteria.sort(), descending);
		return "with m as materialized (select " + CUSTOMER_COLUMNS + " from customers c" + byName + " union select "
				+ CUSTOMER_COLUMNS + " from customers c" + byCodeOrPhone + ") select " + COLUMNS
				+ " from (select * from m c" + order + " limit :limit) c" + joins(false) + order;
	}

	private static String order(TieredSort sort, boolean descending) {
		String direction = descending ? " desc" : " asc";
		return " order by " + sort.column() + direction + ", " + sort.idColumn() + direction;
	}

	private static String joins(boolean bySegment) {
		return (bySegment ? " join" : " left join")
				+ " customer_segments s on s.run_id = :runId and s.customer_id = c.id"
				+ " left join users u on u.id = c.owner_id";
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
	 * Which alternatives of the search text a condition tests.
	 */
	private enum TextMatch {

		/** None: the text is tested apart. */
		NONE,
		/** Name, code or phone. */
		ANY,
		/** The name alone. */
		NAME,
		/** The code or the phone alone. */
		CODE_OR_PHONE

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
