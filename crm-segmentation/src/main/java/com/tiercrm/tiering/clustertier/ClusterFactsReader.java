package com.tiercrm.tiering.clustertier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.run.RunInputs;
import com.tiercrm.tiering.run.SegmentationProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the cluster variables that are not order facts, for every customer in one
 * streamed query: the customer's categories, joined to one aggregate of the interactions
 * and one of the completed orders by channel, each only when a chosen variable needs it.
 * Nothing is loaded as an entity and nothing is held per interaction or order.
 */
@Repository
class ClusterFactsReader {

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final ZoneId zone;

	private final ClusterProperties properties;

	ClusterFactsReader(JdbcTemplate jdbc, PlatformTransactionManager transactions, SegmentationProperties segmentation,
			ClusterProperties properties) {
		this.streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource(), "a data source"));
		this.streaming.setFetchSize(segmentation.fetchSize());
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.zone = segmentation.zone();
		this.properties = properties;
	}

	/**
	 * The chosen variables' values for every customer of the facts.
	 * @param facts every customer's facts
	 * @param variables the variables chosen
	 * @param inputs the run's date and window, and the CLV results when asked for
	 * @return the values, in the order of the facts
	 */
	ClusterData read(List<CustomerFacts> facts, List<ClusterVariable> variables, RunInputs inputs) {
		Map<ClusterVariable, double[]> numbers = new EnumMap<>(ClusterVariable.class);
		Map<ClusterVariable, @Nullable String[]> categories = new EnumMap<>(ClusterVariable.class);
		int n = facts.size();
		for (ClusterVariable variable : variables) {
			if (variable.source() == ClusterVariable.Source.CLV) {
				double[] values = (variable == ClusterVariable.P_ALIVE) ? inputs.probabilityAlive()
						: inputs.predictedValue();
				// Without the CLV results (a caller that did not ask) the values are
				// missing, and counted as such.
				numbers.put(variable, (values != null) ? values : nan(n));
			}
		}
		List<ClusterVariable> read = variables.stream()
			.filter((variable) -> variable.source() != ClusterVariable.Source.ORDERS
					&& variable.source() != ClusterVariable.Source.CLV)
			.toList();
		if (read.isEmpty() || n == 0) {
			return new ClusterData(facts, numbers, categories);
		}
		long[] ids = new long[n];
		for (int i = 0; i < n; i++) {
			ids[i] = facts.get(i).customerId();
		}
		// The facts come sorted by customer id; sorting is the fallback.
		boolean sorted = IntStream.range(1, n).allMatch((i) -> ids[i - 1] < ids[i]);
		int[] rowOf = sorted ? null
				: IntStream.range(0, n)
					.boxed()
					.sorted((a, b) -> Long.compare(ids[a], ids[b]))
					.mapToInt(Integer::intValue)
					.toArray();
		long[] sortedIds = sorted ? ids : Arrays.stream(rowOf).mapToLong((row) -> ids[row]).toArray();
		Columns columns = new Columns(read, n);
		this.readOnly.executeWithoutResult(
				(status) -> query(read, inputs.asOf(), inputs.windowMonths(), null, (customerId, rs) -> {
					int at = Arrays.binarySearch(sortedIds, customerId);
					if (at >= 0) {
						columns.set((rowOf != null) ? rowOf[at] : at, rs);
					}
				}));
		columns.putInto(numbers, categories);
		return new ClusterData(facts, numbers, categories);
	}

	/**
	 * One customer's values as of a date, by the same rules as a run's.
	 * @param facts the customer's facts
	 * @param variables the variables
	 * @param asOf the as-of date
	 * @param windowMonths the months of the window, 0 for all time
	 * @param probabilityAlive the customer's P(alive), NaN when unknown
	 * @param predictedValue the customer's predicted value, NaN when unknown
	 * @return the values
	 */
	ClusterData readOne(CustomerFacts facts, List<ClusterVariable> variables, LocalDate asOf, int windowMonths,
			double probabilityAlive, double predictedValue) {
		List<ClusterVariable> read = variables.stream()
			.filter((variable) -> variable.source() != ClusterVariable.Source.ORDERS
					&& variable.source() != ClusterVariable.Source.CLV)
			.toList();
		Map<ClusterVariable, double[]> numbers = new EnumMap<>(ClusterVariable.class);
		Map<ClusterVariable, @Nullable String[]> categories = new EnumMap<>(ClusterVariable.class);
		for (ClusterVariable variable : variables) {
			if (variable.source() == ClusterVariable.Source.CLV) {
				numbers.put(variable,
						new double[] { (variable == ClusterVariable.P_ALIVE) ? probabilityAlive : predictedValue });
			}
		}
		if (!read.isEmpty()) {
			Columns columns = new Columns(read, 1);
			query(read, asOf, windowMonths, facts.customerId(), (customerId, rs) -> columns.set(0, rs));
			columns.putInto(numbers, categories);
		}
		return new ClusterData(List.of(facts), numbers, categories);
	}

	private void query(List<ClusterVariable> variables, LocalDate asOf, int windowMonths, @Nullable Long customerId,
			RowHandler handler) {
		boolean interactions = variables.stream()
			.anyMatch((variable) -> variable.source() == ClusterVariable.Source.INTERACTIONS);
		boolean channels = variables.stream()
			.anyMatch((variable) -> variable.source() == ClusterVariable.Source.ORDER_CHANNELS);
		Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(this.zone).toInstant());
		Timestamp windowStart = (windowMonths > 0)
				? Timestamp.from(asOf.plusDays(1).minusMonths(windowMonths).atStartOfDay(this.zone).toInstant()) : null;
		StringBuilder sql = new StringBuilder("select c.id");
		List<Object> arguments = new ArrayList<>();
		for (ClusterVariable variable : variables) {
			if (variable.categorical()) {
				sql.append(", c.").append(variable.column());
			}
		}
		if (interactions) {
			sql.append(", i.interaction_count, i.satisfaction");
		}
		if (channels) {
			sql.append(", o.online_revenue, o.channel_revenue");
		}
		sql.append(" from customers c");
		if (interactions) {
			sql.append(" left join (select customer_id, ");
			if (windowStart != null) {
				sql.append("sum(case when occurred_at >= ? then 1 else 0 end)");
				arguments.add(windowStart);
			}
			else {
				sql.append("count(*)");
			}
			sql.append(" as interaction_count, avg(cast(satisfaction as double precision)) as satisfaction"
					+ " from interactions where occurred_at < ?");
			arguments.add(end);
			if (customerId != null) {
				sql.append(" and customer_id = ?");
				arguments.add(customerId);
			}
			sql.append(" group by customer_id) i on i.customer_id = c.id");
		}
		if (channels) {
			String online = String.join(", ", this.properties.onlineChannels().stream().map((channel) -> "?").toList());
			sql.append(" left join (select customer_id, sum(case when upper(channel) in (")
				.append(online.isEmpty() ? "null" : online)
				.append(") then amount else 0 end) as online_revenue, sum(amount) as channel_revenue"
						+ " from sales_orders where status = 'COMPLETED' and ordered_at < ? and amount > 0"
						+ " and channel is not null");
			arguments.addAll(this.properties.onlineChannels());
			arguments.add(end);
			if (customerId != null) {
				sql.append(" and customer_id = ?");
				arguments.add(customerId);
			}
			sql.append(" group by customer_id) o on o.customer_id = c.id");
		}
		if (customerId != null) {
			sql.append(" where c.id = ?");
			arguments.add(customerId);
		}
		this.streaming.query(sql.toString(), (ResultSet rs) -> {
			handler.row(rs.getLong(1), rs);
		}, arguments.toArray());
	}

	private static double[] nan(int n) {
		double[] values = new double[n];
		Arrays.fill(values, Double.NaN);
		return values;
	}

	@FunctionalInterface
	private interface RowHandler {

		void row(long customerId, ResultSet rs) throws SQLException;

	}

	/**
	 * The values read, column by column; a level is kept once per variable, not once per
	 * customer.
	 */
	private static final class Columns {

		private final List<ClusterVariable> categorical;

		private final List<@Nullable String[]> levels = new ArrayList<>();

		private final List<Map<String, String>> distinct = new ArrayList<>();

		private final boolean interactions;

		private final boolean channels;

		private final double[] interactionCounts;

		private final double[] satisfaction;

		private final double[] onlineShare;

		private final int interactionColumn;

		private final int channelColumn;

		Columns(List<ClusterVariable> variables, int n) {
			this.categorical = variables.stream().filter(ClusterVariable::categorical).toList();
			for (int v = 0; v < this.categorical.size(); v++) {
				this.levels.add(new String[n]);
				this.distinct.add(new HashMap<>());
			}
			this.interactions = variables.stream()
				.anyMatch((variable) -> variable.source() == ClusterVariable.Source.INTERACTIONS);
			this.channels = variables.stream()
				.anyMatch((variable) -> variable.source() == ClusterVariable.Source.ORDER_CHANNELS);
			this.interactionCounts = new double[this.interactions ? n : 0];
			this.satisfaction = nan(this.interactions ? n : 0);
			this.onlineShare = nan(this.channels ? n : 0);
			this.interactionColumn = 2 + this.categorical.size();
			this.channelColumn = this.interactionColumn + (this.interactions ? 2 : 0);
		}

		void set(int row, ResultSet rs) throws SQLException {
			for (int v = 0; v < this.categorical.size(); v++) {
				String level = rs.getString(2 + v);
				if (level != null && !level.isBlank()) {
					String stripped = level.strip();
					this.levels.get(v)[row] = this.distinct.get(v).computeIfAbsent(stripped, (key) -> key);
				}
			}
			if (this.interactions) {
				// No interaction at all is a count of 0, not a missing value.
				this.interactionCounts[row] = rs.getLong(this.interactionColumn);
				double mean = rs.getDouble(this.interactionColumn + 1);
				this.satisfaction[row] = rs.wasNull() ? Double.NaN : mean;
			}
			if (this.channels) {
				double online = rs.getDouble(this.channelColumn);
				double total = rs.getDouble(this.channelColumn + 1);
				this.onlineShare[row] = (total > 0) ? online / total : Double.NaN;
			}
		}

		void putInto(Map<ClusterVariable, double[]> numbers, Map<ClusterVariable, @Nullable String[]> categories) {
			for (int v = 0; v < this.categorical.size(); v++) {
				categories.put(this.categorical.get(v), this.levels.get(v));
			}
			if (this.interactions) {
				numbers.put(ClusterVariable.INTERACTIONS, this.interactionCounts);
				numbers.put(ClusterVariable.SATISFACTION, this.satisfaction);
			}
			if (this.channels) {
				numbers.put(ClusterVariable.ONLINE_SHARE, this.onlineShare);
			}
		}

	}

}
