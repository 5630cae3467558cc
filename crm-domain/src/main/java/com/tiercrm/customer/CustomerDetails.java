package com.tiercrm.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What people enter about a customer when they create or edit one. Text is trimmed and
 * blank text is no value; the e-mail address is lower-cased; the phone number is kept as
 * written (it is normalised when stored). Segmentation bases (gender, age band, income
 * band, occupation) only describe individuals: an enterprise has none.
 *
 * @param name the customer's name
 * @param type enterprise or individual
 * @param phone the number as written
 * @param email the e-mail address
 * @param province the province
 * @param city the city
 * @param region the region's code
 * @param industry the industry's code
 * @param channelType online or offline acquisition
 * @param channel the acquisition channel's code, such as {@code TMALL}
 * @param gender one of {@link #GENDERS}
 * @param ageBand one of {@link #AGE_BANDS}
 * @param incomeBand one of {@link #INCOME_BANDS}
 * @param occupation one of {@link #OCCUPATIONS}, or other text
 * @param referredBy the code of the customer who referred this one
 */
public record CustomerDetails(String name, CustomerType type, @Nullable String phone, @Nullable String email,
		@Nullable String province, @Nullable String city, @Nullable String region, @Nullable String industry,
		@Nullable ChannelType channelType, @Nullable String channel, @Nullable String gender, @Nullable String ageBand,
		@Nullable String incomeBand, @Nullable String occupation, @Nullable String referredBy) {

	/** The genders the seeds segment individuals by. */
	public static final List<String> GENDERS = List.of("M", "F");

	/** The age bands the seeds segment individuals by. */
	public static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55+");

	/** The income bands the seeds segment individuals by. */
	public static final List<String> INCOME_BANDS = List.of("LOW", "MIDDLE", "HIGH");

	/** The occupations the demo data uses; others may be written. */
	public static final List<String> OCCUPATIONS = List.of("OFFICE_WORKER", "PROFESSIONAL", "MANAGER", "CIVIL_SERVANT",
			"TEACHER", "MEDICAL", "SELF_EMPLOYED", "FREELANCER", "WORKER", "STUDENT", "RETIRED");

	/** The fields {@link #values()} names, in the order forms show them. */
	public static final List<String> FIELDS = List.of("name", "type", "phone", "email", "province", "city", "region",
			"industry", "channelType", "channel", "gender", "ageBand", "incomeBand", "occupation", "referredBy");

	public CustomerDetails {
		name = Objects.requireNonNullElse(clean(name), "");
		phone = clean(phone);
		email = clean(email);
		if (email != null) {
			email = email.toLowerCase(Locale.ROOT);
		}
		province = clean(province);
		city = clean(city);
		region = clean(region);
		industry = clean(industry);
		channel = clean(channel);
		boolean individual = type == CustomerType.INDIVIDUAL;
		gender = individual ? clean(gender) : null;
		ageBand = individual ? clean(ageBand) : null;
		incomeBand = individual ? clean(incomeBand) : null;
		occupation = individual ? clean(occupation) : null;
		referredBy = clean(referredBy);
	}

	/** Details without a referrer. */
	public CustomerDetails(String name, CustomerType type, @Nullable String phone, @Nullable String email,
			@Nullable String province, @Nullable String city, @Nullable String region, @Nullable String industry,
			@Nullable ChannelType channelType, @Nullable String channel, @Nullable String gender,
			@Nullable String ageBand, @Nullable String incomeBand, @Nullable String occupation) {
		this(name, type, phone, email, province, city, region, industry, channelType, channel, gender, ageBand,
				incomeBand, occupation, null);
	}

	/**
	 * What a customer holds now, phone as it was written.
	 * @param customer the customer
	 * @param referrerCode the code of the customer its {@code referredById} names
	 * @return the details
	 */
	public static CustomerDetails of(Customer customer, @Nullable String referrerCode) {
		return new CustomerDetails(customer.getName(), customer.getType(), customer.getPhoneShown(),
				customer.getEmail(), customer.getProvince(), customer.getCity(), customer.getRegion(),
				customer.getIndustry(), customer.getChannelType(), customer.getChannel(), customer.getGender(),
				customer.getAgeBand(), customer.getIncomeBand(), customer.getOccupation(), referrerCode);
	}

	/** Each field of {@link #FIELDS} with its value as text, {@code null} for none. */
	public Map<String, @Nullable String> values() {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put("name", this.name);
		values.put("type", this.type.name());
		values.put("phone", this.phone);
		values.put("email", this.email);
		values.put("province", this.province);
		values.put("city", this.city);
		values.put("region", this.region);
		values.put("industry", this.industry);
		values.put("channelType", (this.channelType != null) ? this.channelType.name() : null);
		values.put("channel", this.channel);
		values.put("gender", this.gender);
		values.put("ageBand", this.ageBand);
		values.put("incomeBand", this.incomeBand);
		values.put("occupation", this.occupation);
		values.put("referredBy", this.referredBy);
		return values;
	}

	/** The phone number in the form matching uses, if it is one. */
	public @Nullable String normalisedPhone() {
		return (this.phone != null) ? Phones.normalise(this.phone).orElse(null) : null;
	}

	void applyTo(Customer customer) {
		customer.setName(this.name);
		customer.setType(this.type);
		String normalised = normalisedPhone();
		customer.setPhone(normalised, (normalised != null) ? this.phone : null);
		customer.setEmail(this.email);
		customer.locate(this.province, this.city, this.region);
		customer.setIndustry(this.industry);
		customer.setChannel(this.channelType, this.channel);
		customer.describe(this.gender, this.ageBand, this.incomeBand, this.occupation);
	}

	private static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
