package com.tiercrm.tiering.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.postgres.CopyTextBuffer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published run's dashboard figures per owner ({@code owner_figures},
 * {@code owner_revenue_bands}), which a rep's or a manager's dashboard adds up instead of
 * going over their customers' rows of the run on every request. The run stores them when
 * it is published, added up in its own pass over what it holds in memory with the owners
 * read here ({@link #store(long, Figures)}); whoever moves customers to another owner has
 * the owners on both sides rewritten in the same transaction, set-based over just those
 * owners' customers of the run's rows ({@link #ownersChanged}), and a merge has the
 * merged customer's owner rewritten without it.
 */
@NamedInterface("insight")
@Service
public class OwnerFigures {

	/**
	 * Largest first, in a thousand bands: every tenth ends one of the hundred points of
	 * the owner's Lorenz curve, and narrow bands merge into a team's curve closely.
	 */
	private static final String BANDS = "insert into owner_revenue_bands (run_id, owner_id, band_no, customers, revenue)"
			+ " select :run, owner_id, band_no, count(*), sum(revenue) from ("
			+ " select c.owner_id, coalesce(s.revenue, s.monetary, 0) as revenue,"
			+ " (1000 * row_number() over (partition by c.owner_id order by coalesce(s.revenue, s.monetary, 0) desc)"
			+ " + count(*) over (partition by c.owner_id) - 1) / count(*) over (partition by c.owner_id) as band_no"
			+ " from customers c join customer_segments s on s.run_id = :run and s.customer_id = c.id"
			+ " where %s) ranked group by owner_id, band_no";

	private static final String FIGURES = "insert into owner_figures (run_id, owner_id, tier, rfm_segment, r_score,"
			+ " f_score, previous_tier, customers, revenue, profit, clv_predicted, buyers, repeat_buyers, buyer_revenue)"
			+ " select :run, c.owner_id, s.tier, s.rfm_segment, s.r_score, s.f_score, %s, count(*),"
			+ " sum(coalesce(s.revenue, s.monetary, 0)), sum(coalesce(s.gross_profit, 0)),"
			+ " sum(coalesce(s.clv_predicted, 0)), sum(case when s.frequency >= 1 then 1 else 0 end),"
			+ " sum(case when s.frequency >= 2 then 1 else 0 end),"
			+ " sum(case when s.frequency >= 1 then coalesce(s.revenue, s.monetary, 0) else 0 end)"
			+ " from customers c join customer_segments s on s.run_id = :run and s.customer_id = c.id"
			+ "%s where %s group by c.owner_id, s.tier, s.rfm_segment, s.r_score, s.f_score%s";

	private static final int FETCH = 10_000;

	private final NamedParameterJdbcTemplate jdbc;

	private final DatabaseDialect dialect;

	OwnerFigures(NamedParameterJdbcTemplate jdbc, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * One row of {@code owner_figures}: an owner's customers of one tier, RFM segment,
	 * recency and frequency score and previous tier, and their money.
	 *
	 * @param ownerId the owner
	 * @param tier the tier
	 * @param rfmSegment the RFM segment
	 * @param recencyScore the R score
	 * @param frequencyScore the F score
	 * @param previousTier the tier in the previous run, {@code null} for customers new in
	 * this one or when there was none
	 * @param customers how many customers
	 * @param revenue their revenue
	 * @param profit their gross profit
	 * @param clvPredicted their predicted value
	 * @param buyers those who bought
	 * @param repeatBuyers those who bought more than once
	 * @param buyerRevenue the revenue of those who bought
	 */
	public record Row(long ownerId, String tier, String rfmSegment, int recencyScore, int frequencyScore,
			@Nullable String previousTier, long customers, double revenue, double profit, double clvPredicted,
			long buyers, long repeatBuyers, double buyerRevenue) {

	}

	/**
	 * One of an owner's thousand revenue bands (see V54): band n holds the customers
	 * ranked r, largest revenue first, with {@code ceil(1000 r / customers) = n}.
	 *
	 * @param ownerId the owner
	 * @param bandNo the band, 1 to 1000
	 * @param customers customers in it
	 * @param revenue their revenue
	 */
	public record Band(long ownerId, int bandNo, long customers, double revenue) {

	}

	/**
	 * Every owner's rows and bands of a run.
	 *
	 * @param rows the rows of {@code owner_figures}
	 * @param bands the rows of {@code owner_revenue_bands}
	 */
	public record Figures(List<Row> rows, List<Band> bands) {

	}

	/**
	 * The customers who have an owner, in ascending order, and their owners.
	 *
	 * @param customerIds the customers
	 * @param ownerIds each one's owner
	 */
	public record Owners(long[] customerIds, long[] ownerIds) {

	}

	/**
	 * Locks the publication until the caller's transaction ends, before a run reads the
	 * owners for its figures ({@link #owners}, on any connection): a reassignment then
	 * either committed before and is read, or waits for the run to be published and
	 * rewrites the owners it moved in the new run.
	 */
	public void holdPublication() {
		lockPublication();
	}

	/**
	 * Every customer's owner: one narrow pass in a read-only transaction of the caller's
	 * (PostgreSQL answers it from the {@code (id, owner_id)} index of V11).
	 */
	public Owners owners() {
		long[][] read = { new long[1 << 16], new long[1 << 16] };
		int[] size = { 0 };
		this.jdbc.getJdbcOperations().query((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement("select id, owner_id from customers where owner_id is not null order by id");
			statement.setFetchSize(FETCH);
			return statement;
		}, (ResultSet rs) -> {
			if (size[0] == read[0].length) {
				read[0] = Arrays.copyOf(read[0], size[0] * 2);
				read[1] = Arrays.copyOf(read[1], size[0] * 2);
			}
			read[0][size[0]] = rs.getLong(1);
			read[1][size[0]] = rs.getLong(2);
			size[0]++;
		});
		return new Owners(Arrays.copyOf(read[0], size[0]), Arrays.copyOf(read[1], size[0]));
	}

	/**
	 * Stores every owner's figures of a run being published, added up by the run from
	 * what it holds and the {@link #owners} read while it held the publication, in the
	 * caller's transaction, after its aggregates, in place of any stored before.
	 * @return the milliseconds it took
	 */
	public long store(long runId, Figures figures) {
		long started = System.nanoTime();
		lockPublication();
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId);
		this.jdbc.update("delete from owner_figures", params);
		this.jdbc.update("delete from owner_revenue_bands", params);
		this.jdbc.update("delete from owner_figure_runs", params);
		insert(runId, figures);
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.jdbc.update(
				"insert into owner_figure_runs (run_id, computed_at, compute_millis)" + " values (:run, :at, :millis)",
				params.addValue("at", Timestamp.from(Instant.now())).addValue("millis", millis));
		return millis;
	}

	/**
	 * Writes the rows and bands: COPY on PostgreSQL (a hundred owners make a hundred
	 * thousand bands), batched inserts elsewhere.
	 */
	private void insert(long runId, Figures figures) {
		DataSource dataSource = Objects.requireNonNull(this.jdbc.getJdbcTemplate().getDataSource());
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			if (this.dialect.isPostgres()) {
				CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
				CopyTextBuffer copy = new CopyTextBuffer();
				try {
					copy.start(copies.copyIn("COPY owner_figures (" + ROW_COLUMNS + ") FROM STDIN (FORMAT text)"));
					for (Row row : figures.rows()) {
						copy.number(runId);
						copy.number(row.ownerId());
						copy.text(row.tier());
						copy.text(row.rfmSegment());
						copy.number(row.recencyScore());
						copy.number(row.frequencyScore());
						copy.nullableText(row.previousTier());
						copy.number(row.customers());
						copy.number(row.revenue());
						copy.number(row.profit());
						copy.number(row.clvPredicted());
						copy.number(row.buyers());
						copy.number(row.repeatBuyers());
						copy.number(row.buyerRevenue());
						copy.endRow();
					}
					copy.end();
					copy.start(
							copies.copyIn("COPY owner_revenue_bands (" + BAND_COLUMNS + ") FROM STDIN (FORMAT text)"));
					for (Band band : figures.bands()) {
						copy.number(runId);
						copy.number(band.ownerId());
						copy.number(band.bandNo());
						copy.number(band.customers());
						copy.number(band.revenue());
						copy.endRow();
					}
					copy.end();
				}
				finally {
					copy.cancel();
				}
			}
			else {
				try (PreparedStatement insert = connection.prepareStatement("insert into owner_figures (" + ROW_COLUMNS
						+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
					for (Row row : figures.rows()) {
						insert.setLong(1, runId);
						insert.setLong(2, row.ownerId());
						insert.setString(3, row.tier());
						insert.setString(4, row.rfmSegment());
						insert.setShort(5, (short) row.recencyScore());
						insert.setShort(6, (short) row.frequencyScore());
						if (row.previousTier() != null) {
							insert.setString(7, row.previousTier());
						}
						else {
							insert.setNull(7, Types.VARCHAR);
						}
						insert.setLong(8, row.customers());
						insert.setDouble(9, row.revenue());
						insert.setDouble(10, row.profit());
						insert.setDouble(11, row.clvPredicted());
						insert.setLong(12, row.buyers());
						insert.setLong(13, row.repeatBuyers());
						insert.setDouble(14, row.buyerRevenue());
						insert.addBatch();
					}
					insert.executeBatch();
				}
				try (PreparedStatement insert = connection.prepareStatement(
						"insert into owner_revenue_bands (" + BAND_COLUMNS + ") values (?, ?, ?, ?, ?)")) {
					for (Band band : figures.bands()) {
						insert.setLong(1, runId);
						insert.setLong(2, band.ownerId());
						insert.setInt(3, band.bandNo());
						insert.setLong(4, band.customers());
						insert.setDouble(5, band.revenue());
						insert.addBatch();
					}
					insert.executeBatch();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the figures per owner of run " + runId, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static final String ROW_COLUMNS = "run_id, owner_id, tier, rfm_segment, r_score, f_score, previous_tier,"
			+ " customers, revenue, profit, clv_predicted, buyers, repeat_buyers, buyer_revenue";

	private static final String BAND_COLUMNS = "run_id, owner_id, band_no, customers, revenue";

	/**
	 * Stores every owner's figures of the published run again, set-based over its rows,
	 * in the caller's transaction, in place of any stored before.
	 * @return the milliseconds it took
	 */
	public long store(long runId) {
		long started = System.nanoTime();
		lockPublication();
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId);
		// Only the published run's figures are kept: those of older runs go, and this
		// run's
		// own when they are written again (after an import).
		this.jdbc.update("delete from owner_figures", params);
		this.jdbc.update("delete from owner_revenue_bands", params);
		this.jdbc.update("delete from owner_figure_runs", params);
		write(runId, "c.owner_id is not null", params);
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.jdbc.update(
				"insert into owner_figure_runs (run_id, computed_at, compute_millis)" + " values (:run, :at, :millis)",
				params.addValue("at", Timestamp.from(Instant.now())).addValue("millis", millis));
		return millis;
	}

	/**
	 * Rewrites the published run's figures of owners whose customers changed owner, in
	 * the caller's transaction: call it after the change with the owners on both sides
	 * (nulls are ignored).
	 */
	@Transactional
	public void ownersChanged(Collection<@Nullable Long> ownerIds) {
		List<Long> owners = ownerIds.stream().filter(Objects::nonNull).distinct().toList();
		Long runId = storedRun();
		if (owners.isEmpty() || runId == null) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("owners", owners);
		this.jdbc.update("delete from owner_figures where run_id = :run and owner_id in (:owners)", params);
		this.jdbc.update("delete from owner_revenue_bands where run_id = :run and owner_id in (:owners)", params);
		write(runId, "c.owner_id in (:owners)", params);
	}

	/**
	 * Rewrites every owner's figures of the published run, after owners changed in ways
	 * nobody counted (an import with an owner column).
	 */
	@Transactional
	public void allOwnersChanged() {
		Long runId = storedRun();
		if (runId != null) {
			store(runId);
		}
	}

	/**
	 * The published run, when its per-owner figures are stored. Waits for a run being
	 * published to commit, so that owners changed meanwhile are rewritten in the new run.
	 */
	private @Nullable Long storedRun() {
		Long published = lockPublication();
		if (published == null) {
			return null;
		}
		Integer stored = this.jdbc.queryForObject("select count(*) from owner_figure_runs where run_id = :run",
				new MapSqlParameterSource("run", published), Integer.class);
		return (stored != null && stored > 0) ? published : null;
	}

	/**
	 * Locks the publication state until the transaction ends: a run storing its figures
	 * and a change of owners take turns, so that neither misses the other's rows.
	 * @return the published run
	 */
	private @Nullable Long lockPublication() {
		List<Long> published = this.jdbc.getJdbcOperations()
			.queryForList("select published_run_id from segmentation_state where id = 1 for update", Long.class);
		return published.isEmpty() ? null : published.getFirst();
	}

	private void write(long runId, String ownerCondition, MapSqlParameterSource params) {
		// A customer merged since the run is counted with the one kept, from the next
		// run.
		String owners = ownerCondition + " and c.status <> 'MERGED'";
		Long previous = this.jdbc.query("select previous_run_id from run_aggregates where run_id = :run", params,
				(rs) -> rs.next() ? rs.getObject(1, Long.class) : null);
		params.addValue("previous", (previous != null) ? previous : -1L);
		this.jdbc.update(FIGURES.formatted(
				(previous != null) ? "p.tier" : "cast(null as varchar(40))", (previous != null)
						? " left join customer_segments p on p.run_id = :previous and p.customer_id = c.id" : "",
				owners, (previous != null) ? ", p.tier" : ""), params);
		this.jdbc.update(BANDS.formatted(owners), params);
	}

}
