package com.tiercrm.policy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.tiering.config.SegmentationConfigs;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tiers with their policies and saves new policy versions. A save names the version
 * it was based on and is refused if another one got in first.
 */
@Service
public class TierPolicies {

	private static final String TIER_COLUMNS = "t.code, t.model, t.class_code, t.rank_order, t.label_en, t.label_zh";

	private static final String VERSION_COLUMNS = "v.version, v.discount_percent, v.credit_limit,"
			+ " v.payment_terms_days, v.response_sla_hours, v.contact_cadence_days, v.dedicated_manager,"
			+ " v.preferred_channels, v.perks, v.created_by, v.created_at";

	private static final String TIERS_WITH_POLICIES = "select " + TIER_COLUMNS + ", " + VERSION_COLUMNS
			+ " from tiers t left join tier_policies p on p.tier_code = t.code"
			+ " left join tier_policy_versions v on v.tier_code = p.tier_code and v.version = p.current_version";

	private static final String ORDER = " order by t.model, t.rank_order, t.code";

	private final NamedParameterJdbcTemplate jdbc;

	private final SegmentationConfigs configs;

	private final AuditLog audit;

	TierPolicies(NamedParameterJdbcTemplate jdbc, SegmentationConfigs configs, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.configs = configs;
	}

	/**
	 * The tiers of one model with their policies.
	 * @param model the model to show, or {@code null} for the one in force
	 * @return the tiers, best first
	 * @throws UnknownTierException if no tier belongs to the model
	 */
	@Transactional
	public TierBook book(@Nullable String model) {
		String inForce = this.configs.tierModelInForce();
		String shown = (model != null) ? model : inForce;
		List<String> models = this.jdbc.queryForList("select distinct model from tiers order by model", Map.of(),
				String.class);
		if (!models.contains(shown)) {
			throw new UnknownTierException(shown);
		}
		List<TierPolicy> tiers = this.jdbc.query(TIERS_WITH_POLICIES + " where t.model = :model" + ORDER,
				Map.of("model", shown), TierPolicies::tierPolicy);
		return new TierBook(shown, inForce, models, tiers);
	}

	/**
	 * Every tier of every model with its policy.
	 * @return the tiers by model, best first
	 */
	@Transactional(readOnly = true)
	public List<TierPolicy> all() {
		return this.jdbc.query(TIERS_WITH_POLICIES + ORDER, TierPolicies::tierPolicy);
	}

	/**
	 * A tier with the policy in force.
	 * @param tierCode such as {@code ABC:A}
	 * @return the tier and its policy
	 * @throws UnknownTierException if there is no such tier
	 */
	@Transactional(readOnly = true)
	public TierPolicy find(String tierCode) {
		return inForce(tierCode).orElseThrow(() -> new UnknownTierException(tierCode));
	}

	/**
	 * A tier with the policy in force, if the tier exists.
	 * @param tierCode such as {@code ABC:A}
	 * @return the tier and its policy
	 */
	@Transactional(readOnly = true)
	public Optional<TierPolicy> inForce(String tierCode) {
		return this.jdbc
			.query(TIERS_WITH_POLICIES + " where t.code = :code", Map.of("code", tierCode), TierPolicies::tierPolicy)
			.stream()
			.findFirst();
	}

	/**
	 * Every version of a tier's policy with what it changed, newest first.
	 * @param tierCode such as {@code ABC:A}
	 * @return the versions
	 * @throws UnknownTierException if there is no such tier
	 */
	@Transactional(readOnly = true)
	public List<PolicyVersion> history(String tierCode) {
		find(tierCode);
		List<PolicyVersion> oldestFirst = this.jdbc.query(
				"select " + VERSION_COLUMNS
						+ " from tier_policy_versions v where v.tier_code = :code order by v.version",
				Map.of("code", tierCode), TierPolicies::version);
		List<PolicyVersion> history = new ArrayList<>(oldestFirst.size());
		PolicyVersion previous = null;
		for (PolicyVersion version : oldestFirst) {
			history.addFirst(
					(previous != null) ? version.withChanges(version.terms().changesSince(previous.terms())) : version);
			previous = version;
		}
		return history;
	}

	/**
	 * Saves new terms as the next version of the tier's policy.
	 * @param tierCode such as {@code ABC:A}
	 * @param baseVersion the version the edit started from, 0 if the tier had no policy
	 * @param terms the new values
	 * @param username who saves
	 * @return the tier with the new version in force
	 * @throws UnknownTierException if there is no such tier
	 * @throws PolicyConflictException if the policy is no longer at the base version
	 */
	@Transactional
	public TierPolicy save(String tierCode, int baseVersion, PolicyTerms terms, @Nullable String username) {
		TierPolicy before = find(tierCode);
		MapSqlParameterSource params = new MapSqlParameterSource("code", tierCode).addValue("base", baseVersion)
			.addValue("next", baseVersion + 1);
		// The conditional update is the lock: of two saves from the same base, the second
		// waits for the first and then matches no row.
		int moved = this.jdbc.update("update tier_policies set current_version = :next"
				+ " where tier_code = :code and current_version = :base", params);
		if (moved == 0) {
			if (baseVersion != 0 || before.current() != null) {
				throw new PolicyConflictException(before, baseVersion);
			}
			try {
				this.jdbc.update("insert into tier_policies (tier_code, current_version) values (:code, :next)",
						params);
			}
			catch (DuplicateKeyException ex) {
				throw new PolicyConflictException(before, baseVersion);
			}
		}
		params.addValue("discount", terms.discountPercent())
			.addValue("credit", terms.creditLimit())
			.addValue("paymentTerms", terms.paymentTermsDays())
			.addValue("sla", terms.responseSlaHours())
			.addValue("cadence", terms.contactCadenceDays())
			.addValue("dedicated", terms.dedicatedAccountManager())
			.addValue("channels",
					terms.preferredChannels().stream().map(ServiceChannel::name).collect(Collectors.joining(",")))
			.addValue("perks", terms.perks())
			.addValue("createdBy", username)
			.addValue("createdAt", Timestamp.from(Instant.now()));
		this.jdbc.update("insert into tier_policy_versions (tier_code, version, discount_percent, credit_limit,"
				+ " payment_terms_days, response_sla_hours, contact_cadence_days, dedicated_manager,"
				+ " preferred_channels, perks, created_by, created_at) values (:code, :next, :discount, :credit,"
				+ " :paymentTerms, :sla, :cadence, :dedicated, :channels, :perks, :createdBy, :createdAt)", params);
		this.audit.record(AuditAction.POLICY_SAVED, username, null, tierCode, "v" + (baseVersion + 1));
		return find(tierCode);
	}

	private static TierPolicy tierPolicy(ResultSet rs, int row) throws SQLException {
		Tier tier = new Tier(rs.getString("code"), rs.getString("model"), rs.getString("class_code"),
				rs.getInt("rank_order"), rs.getString("label_en"), rs.getString("label_zh"));
		return new TierPolicy(tier, (rs.getObject("version") != null) ? version(rs, row) : null);
	}

	private static PolicyVersion version(ResultSet rs, int row) throws SQLException {
		String channels = rs.getString("preferred_channels");
		PolicyTerms terms = new PolicyTerms(scaled(rs.getBigDecimal("discount_percent")),
				scaled(rs.getBigDecimal("credit_limit")), rs.getInt("payment_terms_days"),
				rs.getInt("response_sla_hours"), rs.getInt("contact_cadence_days"), rs.getBoolean("dedicated_manager"),
				Arrays.stream(channels.split(","))
					.filter((name) -> !name.isBlank())
					.map(ServiceChannel::valueOf)
					.collect(Collectors.toSet()),
				rs.getString("perks"));
		return new PolicyVersion(rs.getInt("version"), terms, rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), List.of());
	}

	private static BigDecimal scaled(BigDecimal value) {
		return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
	}

}
