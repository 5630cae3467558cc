package com.tiercrm.tiering.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.InvalidSettingsException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registered {@link TierModel}s, in their {@code @Order}: ABC, RFM and CLV first.
 * When the application starts, every class of every model that is not a tier yet becomes
 * one, with its labels and a default service policy, so that a new model's tiers can be
 * listed, filtered and given policies like any other.
 */
@NamedInterface("run")
@Component
public class TierModels implements InitializingBean {

	private static final Log logger = LogFactory.getLog(TierModels.class);

	private static final Pattern MODEL_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,9}");

	private static final Pattern CLASS_CODE = Pattern.compile("[A-Z0-9_]{1,29}");

	private final Map<String, TierModel> models = new LinkedHashMap<>();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	TierModels(List<TierModel> models, JdbcTemplate jdbc, TransactionTemplate transactions) {
		for (TierModel model : models) {
			check(model);
			if (this.models.put(model.code(), model) != null) {
				throw new IllegalStateException("Two tier models have the code " + model.code());
			}
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	private static void check(TierModel model) {
		if (!MODEL_CODE.matcher(model.code()).matches()) {
			throw new IllegalStateException(
					"A tier model's code is 1 to 10 upper-case letters, digits or _: " + model.code());
		}
		List<String> codes = model.classes().stream().map(TierClass::code).toList();
		if (codes.stream().distinct().count() != codes.size() || !codes.contains(TierModel.NO_PURCHASE)
				|| !codes.stream().allMatch((code) -> CLASS_CODE.matcher(code).matches())) {
			throw new IllegalStateException("Tier model " + model.code()
					+ " needs distinct class codes of up to 29 upper-case letters, digits or _, NO_PURCHASE among them");
		}
	}

	/**
	 * Every model, ABC, RFM and CLV first.
	 * @return the models
	 */
	public List<TierModel> all() {
		return List.copyOf(this.models.values());
	}

	/**
	 * The models' codes, ABC, RFM and CLV first.
	 * @return the codes
	 */
	public List<String> codes() {
		return List.copyOf(this.models.keySet());
	}

	/**
	 * A model by its code.
	 * @param code such as {@code ABC}
	 * @return the model, if one is registered
	 */
	public Optional<TierModel> find(String code) {
		return Optional.ofNullable(this.models.get(code));
	}

	/**
	 * The model whose classes are the tiers under these settings.
	 * @param settings a configuration
	 * @return the model
	 * @throws InvalidSettingsException if no such model is registered (any more)
	 */
	public TierModel tierModel(SegmentationSettings settings) {
		return find(settings.tierModel())
			.orElseThrow(() -> new InvalidSettingsException("segmentation.settings.unknown-model"));
	}

	/**
	 * Checks every registered model's settings and fills in the defaults.
	 * @param settings edited settings
	 * @return the same settings, each model's values complete
	 * @throws InvalidSettingsException if the tier model is unknown or a value is out of
	 * bounds
	 */
	public SegmentationSettings complete(SegmentationSettings settings) {
		tierModel(settings);
		Map<String, Map<String, Integer>> values = new HashMap<>();
		for (TierModel model : this.models.values()) {
			if (model.settings().isEmpty()) {
				continue;
			}
			Map<String, Integer> given = settings.model(model.code());
			Map<String, Integer> complete = new LinkedHashMap<>();
			for (ModelSetting setting : model.settings()) {
				int value = given.getOrDefault(setting.name(), setting.defaultValue());
				if (value < setting.min() || value > setting.max()) {
					throw new InvalidSettingsException("segmentation.settings.invalid-model-setting");
				}
				complete.put(setting.name(), value);
			}
			values.put(model.code(), complete);
		}
		return new SegmentationSettings(settings.abc(), settings.abcWindowMonths(), settings.rfm(), settings.clv(),
				settings.tierModel(), settings.downgradeAfterRuns(), values);
	}

	@Override
	public void afterPropertiesSet() {
		this.models.values().forEach(this::addMissingTiers);
	}

	/**
	 * Adds the model's classes that are not tiers yet, ranked after the model's existing
	 * tiers, each with a first policy: the best class gets the best terms, "no purchase"
	 * the plainest. Tiers that exist are left as they are. Each tier is added in a
	 * transaction of its own: another instance starting at the same moment may add the
	 * same tier first, and that is fine.
	 */
	private void addMissingTiers(TierModel model) {
		List<String> existing = this.jdbc.queryForList("select class_code from tiers where model = ?", String.class,
				model.code());
		Integer highestRank = this.jdbc.queryForObject("select max(rank_order) from tiers where model = ?",
				Integer.class, model.code());
		int rank = (highestRank != null) ? highestRank : 0;
		List<TierClass> classes = model.classes();
		List<String> added = new ArrayList<>();
		for (int i = 0; i < classes.size(); i++) {
			TierClass tierClass = classes.get(i);
			if (existing.contains(tierClass.code())) {
				continue;
			}
			String code = model.code() + ":" + tierClass.code();
			int tierRank = ++rank;
			int step = step(tierClass, i);
			try {
				this.transactions.executeWithoutResult((status) -> {
					this.jdbc.update(
							"insert into tiers (code, model, class_code, rank_order, label_en, label_zh)"
									+ " values (?, ?, ?, ?, ?, ?)",
							code, model.code(), tierClass.code(), tierRank, tierClass.labelEn(), tierClass.labelZh());
					addFirstPolicy(code, step);
				});
				added.add(code);
			}
			catch (DuplicateKeyException ex) {
				logger.debug("Tier " + code + " was added by another instance", ex);
			}
		}
		if (!added.isEmpty()) {
			logger.info("Tier model " + model.code() + ": added the tiers " + added);
		}
	}

	/** 1 for the best class, 2 for the next, 4 for no purchase, 3 for the rest. */
	private static int step(TierClass tierClass, int index) {
		if (TierModel.NO_PURCHASE.equals(tierClass.code())) {
			return 4;
		}
		return Math.min(index + 1, 3);
	}

	private void addFirstPolicy(String code, int step) {
		int[] discount = { 10, 5, 0, 0 };
		int[] credit = { 500_000, 100_000, 10_000, 0 };
		int[] terms = { 60, 30, 7, 0 };
		int[] sla = { 4, 24, 48, 72 };
		int[] cadence = { 14, 30, 60, 180 };
		String[] channels = { "VISIT,PHONE,WECHAT", "PHONE,EMAIL,WECHAT", "EMAIL,WECHAT", "EMAIL,SMS" };
		int s = step - 1;
		this.jdbc.update("insert into tier_policies (tier_code, current_version) values (?, 1)", code);
		this.jdbc.update(
				"insert into tier_policy_versions (tier_code, version, discount_percent, credit_limit,"
						+ " payment_terms_days, response_sla_hours, contact_cadence_days, dedicated_manager,"
						+ " preferred_channels, perks, created_by, created_at)"
						+ " values (?, 1, ?, ?, ?, ?, ?, ?, ?, null, null, current_timestamp)",
				code, discount[s], credit[s], terms[s], sla[s], cadence[s], s == 0, channels[s]);
	}

}
