package com.tiercrm.tiering.clustertier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.config.SettingsJson;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.run.CurrentFacts;
import com.tiercrm.tiering.run.CustomerSegment;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.SegmentationProperties;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TierModel;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places customers in the published run's clusters with the discriminant trained on them:
 * customers who came in after the run ("provisional" until the next run gives them a
 * tier) and customers described to the API.
 */
@NamedInterface("clustertier")
@Service
public class ProvisionalClusters {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final RunClusters store;

	private final CurrentFacts facts;

	private final CustomerTiers tiers;

	private final ClusterFactsReader reader;

	private final SegmentationProperties properties;

	ProvisionalClusters(JdbcTemplate jdbc, RunClusters store, CurrentFacts facts, CustomerTiers tiers,
			ClusterFactsReader reader, SegmentationProperties properties) {
		this.reader = reader;
		this.properties = properties;
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.tiers = tiers;
		this.store = store;
		this.facts = facts;
	}

	/**
	 * The discriminant of the published run.
	 * @return it, empty when the published run made no clusters or too few customers
	 * bought to train one
	 */
	@Transactional(readOnly = true)
	public Optional<Discriminant> published() {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		return (runId != null) ? Optional.ofNullable(this.store.discriminant(runId)) : Optional.empty();
	}

	/**
	 * Places a customer described by the variables' values.
	 * @param values by numeric variable name, in the variables' own units
	 * @param categories by categorical variable name, the level
	 * @return the placement, empty without a discriminant
	 */
	@Transactional(readOnly = true)
	public Optional<Discriminant.Placement> place(Map<String, Double> values, Map<String, String> categories) {
		return published().map((discriminant) -> discriminant.place(values, categories));
	}

	/**
	 * A customer's cluster, by code, if the customer is in the caller's scope.
	 * @param code the customer's code
	 * @param scope the caller's scope
	 * @return the placement; empty when the customer is not there for the caller or the
	 * published run made no clusters
	 */
	@Transactional(readOnly = true)
	public Optional<Discriminant.Placement> classifyCustomer(String code, AccessScope scope) {
		List<Long> ids = this.named.queryForList(
				"select c.id from customers c where c.code = :code and " + scope.ownerCondition("c.owner_id"),
				new MapSqlParameterSource("code", code).addValue("scopeUser", scope.userId()), Long.class);
		return ids.isEmpty() ? Optional.empty() : classifyCustomer(ids.get(0));
	}

	/**
	 * A customer's cluster: the one the published run gave them, else where the run's
	 * discriminant places them from their orders to date.
	 * @param customerId the customer
	 * @return the placement, empty when the published run made no clusters
	 */
	@Transactional(readOnly = true)
	public Optional<Discriminant.Placement> classifyCustomer(long customerId) {
		Optional<CustomerSegment> segment = this.tiers.current(customerId);
		if (segment.isPresent() && segment.get().tier().startsWith(ClusterTierModel.CODE + ":")) {
			String classCode = segment.get().tier().substring(ClusterTierModel.CODE.length() + 1);
			return Optional
				.of(new Discriminant.Placement(segment.get().runId(), classCode, Map.of(), List.of(), false));
		}
		return placeCustomer(customerId);
	}

	/**
	 * Places a customer from their completed orders, interactions and categories as of
	 * today, by the published run's rules: interactions in the run's window, and P(alive)
	 * and the predicted value from the CLV model the run fitted ({@link #clvOf}); a
	 * customer who never bought is {@link TierModel#NO_PURCHASE}, as in a run.
	 * @param customerId the customer
	 * @return the placement, empty without a discriminant
	 */
	@Transactional(readOnly = true)
	public Optional<Discriminant.Placement> placeCustomer(long customerId) {
		return published().map((discriminant) -> {
			CustomerFacts customer = this.facts.of(customerId);
			if (!customer.hasPurchased()) {
				return new Discriminant.Placement(discriminant.runId(), TierModel.NO_PURCHASE,
						Map.of(TierModel.NO_PURCHASE, 1.0), List.of(), true);
			}
			RunRules rules = rules(discriminant.runId());
			ClvResult clv = (rules != null) ? clvOf(customer, rules.settings().clv(), rules.fit(),
					rules.simpleFormula(), () -> oneTimeBuyersSpend(discriminant.runId())) : null;
			return discriminant.place(this.reader.readOne(customer, discriminant.clusterVariables(),
					LocalDate.now(this.properties.zone()), (rules != null) ? rules.settings().abcWindowMonths() : 0,
					(clv != null) ? clv.probabilityAlive() : Double.NaN,
					(clv != null) ? clv.predictedValue() : Double.NaN));
		});
	}

	/**
	 * A customer's P(alive) and predicted value by the formula the run scored its own
	 * customers with. Under the parameters a run fitted (BG/NBD or MBG/NBD, and
	 * Gamma-Gamma), with the run's CLV settings: the customer's own history is
	 * conditioned on, the population is not refitted; without Gamma-Gamma a one-time
	 * buyer's expected spend is the run's mean repeat spend of its repeat buyers, as in
	 * the run. Under the simple formula the predicted value is that formula's and
	 * P(alive) is unknown (NaN), as for the run's own customers.
	 * @param customer the customer's facts
	 * @param settings the run's CLV settings
	 * @param fit the run's fit, {@code null} when it used the simple formula or did not
	 * keep its parameters
	 * @param simpleFormula whether the run used the simple formula
	 * @param repeatBuyersMeanSpend the run's mean repeat spend of its repeat buyers, NaN
	 * when unknown; asked for only when needed
	 * @return the result; {@code null} when the run's parameters were not kept, or the
	 * run's mean repeat spend is needed but unknown
	 */
	static @Nullable ClvResult clvOf(CustomerFacts customer, ClvSettings settings, @Nullable ClvFit fit,
			boolean simpleFormula, DoubleSupplier repeatBuyersMeanSpend) {
		if (simpleFormula) {
			double nan = Double.NaN;
			ClvFit simple = new ClvFit(nan, nan, nan, nan, nan, nan, nan, nan, nan, settings.timeUnit(), 0, 0, false, 0,
					0, 0, true, null, settings.purchaseModel(), null);
			return new ClvModel(settings).score(List.of(customer), simple).get(0);
		}
		if (fit == null) {
			return null;
		}
		ClvModel model = new ClvModel(settings.withTimeUnit(fit.timeUnit()));
		ClvResult result;
		if (!fit.spendFitted() && customer.repeatPurchaseDays() == 0) {
			double meanSpend = repeatBuyersMeanSpend.getAsDouble();
			if (Double.isNaN(meanSpend)) {
				return null;
			}
			result = model.score(List.of(customer), fit, meanSpend).get(0);
		}
		else {
			result = model.score(List.of(customer), fit).get(0);
		}
		return Double.isFinite(result.probabilityAlive()) ? result : null;
	}

	/**
	 * The expected spend the run gave its one-time buyers without Gamma-Gamma: the mean
	 * repeat spend of its repeat buyers, the same for each of them.
	 * @return it, NaN when the run had no such customer
	 */
	double oneTimeBuyersSpend(long runId) {
		List<Double> found = this.jdbc.queryForList("select expected_spend from customer_segments where run_id = ?"
				+ " and clv_method in ('BG_NBD_OWN_SPEND', 'MBG_NBD_OWN_SPEND')"
				+ " and clv_reason like '%own-spend-one-time%' and expected_spend is not null fetch first 1 rows only",
				Double.class, runId);
		return found.isEmpty() ? Double.NaN : found.get(0);
	}

	/** The run's settings and its CLV fit as kept with it; null for a run not found. */
	private @Nullable RunRules rules(long runId) {
		List<RunRules> found = this.jdbc.query(
				"select r.report, c.settings from segmentation_runs r join segmentation_configs c on c.id = r.config_id"
						+ " where r.id = ?",
				(rs, row) -> {
					String report = rs.getString(1);
					RunReport kept = (report != null) ? SettingsJson.read(report, RunReport.class) : null;
					return new RunRules(SettingsJson.read(rs.getString(2), SegmentationSettings.class),
							(kept != null) ? kept.clv().fit() : null, kept != null && kept.clv().fallbackUsed());
				}, runId);
		return found.isEmpty() ? null : found.get(0);
	}

	private record RunRules(SegmentationSettings settings, @Nullable ClvFit fit, boolean simpleFormula) {

	}

}
