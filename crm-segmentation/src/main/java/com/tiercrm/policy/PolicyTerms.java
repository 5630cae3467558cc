package com.tiercrm.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a tier's customers get.
 *
 * @param discountPercent discount on list prices, 0 to 100
 * @param creditLimit credit in the installation's currency
 * @param paymentTermsDays days to pay an invoice
 * @param responseSlaHours hours within which a request is answered
 * @param contactCadenceDays the owner touches the customer at least this often
 * @param dedicatedAccountManager whether the customer has a named account manager
 * @param preferredChannels how to reach the customer, in a fixed order
 * @param perks free text: VIP service, gifts, delivery
 */
public record PolicyTerms(BigDecimal discountPercent, BigDecimal creditLimit, int paymentTermsDays,
		int responseSlaHours, int contactCadenceDays, boolean dedicatedAccountManager,
		Set<ServiceChannel> preferredChannels, @Nullable String perks) {

	/**
	 * The fields in the order they are shown and compared.
	 */
	public static final List<String> FIELDS = List.of("discountPercent", "creditLimit", "paymentTermsDays",
			"responseSlaHours", "contactCadenceDays", "dedicatedAccountManager", "preferredChannels", "perks");

	public PolicyTerms {
		Objects.requireNonNull(discountPercent, "discountPercent");
		Objects.requireNonNull(creditLimit, "creditLimit");
		preferredChannels = Collections.unmodifiableSet(channels(preferredChannels));
		perks = (perks == null || perks.isBlank()) ? null : perks.strip();
	}

	/**
	 * The fields whose values differ from another version's, in {@link #FIELDS} order.
	 * @param before the earlier terms
	 * @return one change per differing field
	 */
	public List<FieldChange> changesSince(PolicyTerms before) {
		List<FieldChange> changes = new ArrayList<>();
		for (String field : FIELDS) {
			Object was = before.value(field);
			Object now = value(field);
			boolean same = (was instanceof BigDecimal a && now instanceof BigDecimal b) ? a.compareTo(b) == 0
					: Objects.equals(was, now);
			if (!same) {
				changes.add(new FieldChange(field, was, now));
			}
		}
		return changes;
	}

	/**
	 * One field's value by name.
	 * @param field one of {@link #FIELDS}
	 * @return the value, {@code null} only for empty perks
	 */
	public @Nullable Object value(String field) {
		return switch (field) {
			case "discountPercent" -> this.discountPercent;
			case "creditLimit" -> this.creditLimit;
			case "paymentTermsDays" -> this.paymentTermsDays;
			case "responseSlaHours" -> this.responseSlaHours;
			case "contactCadenceDays" -> this.contactCadenceDays;
			case "dedicatedAccountManager" -> this.dedicatedAccountManager;
			case "preferredChannels" -> this.preferredChannels;
			case "perks" -> this.perks;
			default -> throw new IllegalArgumentException("No policy field " + field);
		};
	}

	private static Set<ServiceChannel> channels(@Nullable Collection<ServiceChannel> channels) {
		return (channels == null || channels.isEmpty()) ? EnumSet.noneOf(ServiceChannel.class)
				: EnumSet.copyOf(channels);
	}

}
