package com.tiercrm.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.tiercrm.customer.ChannelType;
import com.tiercrm.customer.CustomerStatus;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.demo.Vocabulary.Industry;
import com.tiercrm.demo.Vocabulary.Province;
import com.tiercrm.demo.Vocabulary.Region;
import com.tiercrm.demo.Vocabulary.Word;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.order.OrderStatus;

/**
 * The one synthetic data engine behind the demo data and the bulk generator. Customer
 * {@code n} of a population depends only on the seed, the day the history ends and
 * {@code n}: customers can be made in any order, in chunks, and always come out the same.
 * <p>
 * The history covers the three years before {@code today}. Order counts are heavy-tailed
 * ({@link PurchaseCounts}); each customer has a spend level and a margin of their own;
 * some customers lapse part-way through the history while others still buy, so that
 * recency and frequency carry signal for RFM and BG/NBD.
 */
public final class SyntheticData {

	/** The most orders one customer places. */
	public static final int MAX_ORDERS_PER_CUSTOMER = 400;

	/** Share of enterprise customers. */
	static final double ENTERPRISE_SHARE = 0.30;

	static final int HISTORY_DAYS = 3 * 365;

	private static final long DAY = 86_400;

	private static final double MEDIAN_ORDER_AMOUNT = 260.0;

	private static final String[] COMPLAINTS = { "投诉：物流延迟，已协调补发", "投诉：商品破损，已安排换货", "投诉：发票开具错误，已重开", "投诉：售后响应慢，已升级处理" };

	private static final String[] SURVEY_NOTES = { "", "满意度回访：非常不满意", "满意度回访：不满意", "满意度回访：一般", "满意度回访：满意",
			"满意度回访：非常满意" };

	private static final String[] VISIT_NOTES = { "上门拜访，介绍新品", "拜访采购负责人，了解年度需求", "门店走访，收集陈列反馈" };

	private static final String[] CALL_NOTES = { "电话回访，确认收货情况", "电话沟通续订事宜", "电话介绍会员权益" };

	private static final String[] EMAIL_NOTES = { "发送报价单", "发送产品目录与价格表", "邮件确认合同条款" };

	private static final String[] MEETING_NOTES = { "季度业务回顾会议", "新品推介会", "年度合作洽谈" };

	private static final String[] WECHAT_NOTES = { "微信沟通促销活动", "微信发送优惠券", "微信答复产品咨询" };

	private final long seed;

	private final long historyStart;

	private final long historyEnd;

	private final long[] ownerIds;

	private final PurchaseCounts purchaseCounts;

	/**
	 * Creates the engine of one population.
	 * @param seed the seed: the same seed and day give the same customers
	 * @param today the day the history ends (exclusive)
	 * @param meanOrdersPerCustomer the mean number of orders per customer
	 * @param ownerIds the reps customers are spread over (may be empty)
	 */
	public SyntheticData(long seed, LocalDate today, double meanOrdersPerCustomer, long[] ownerIds) {
		this.seed = seed;
		this.historyEnd = today.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		this.historyStart = this.historyEnd - HISTORY_DAYS * DAY;
		this.ownerIds = ownerIds.clone();
		this.purchaseCounts = new PurchaseCounts(meanOrdersPerCustomer, MAX_ORDERS_PER_CUSTOMER);
	}

	/**
	 * The start of the order history, in epoch seconds.
	 */
	public long historyStart() {
		return this.historyStart;
	}

	/**
	 * The end of the order history (exclusive), in epoch seconds.
	 */
	public long historyEnd() {
		return this.historyEnd;
	}

	/**
	 * The mean number of orders per customer this engine aims at.
	 */
	public double expectedOrdersPerCustomer() {
		return this.purchaseCounts.expectedMean();
	}

	/**
	 * Customer {@code index} of the population (0-based).
	 */
	public SyntheticCustomer customer(long index) {
		SplittableRandom random = new SplittableRandom(mix(this.seed + mix(index)));
		boolean enterprise = random.nextDouble() < ENTERPRISE_SHARE;
		boolean chinese = random.nextDouble() < 0.7;
		Region region = Vocabulary.REGIONS.get(pickRegion(random));
		Province province = Vocabulary.pick(region.provinces(), random);
		Word city = (random.nextDouble() < 0.5) ? province.cities().getFirst()
				: Vocabulary.pick(province.cities(), random);
		Profile profile = enterprise ? enterprise(random, chinese, city) : individual(random, chinese);
		ChannelType channelType = acquisitionType(random, enterprise);
		List<String> channels = (channelType == ChannelType.ONLINE) ? Vocabulary.ONLINE_CHANNELS
				: Vocabulary.OFFLINE_CHANNELS;
		String channel = Vocabulary.pick(channels, random);
		Long ownerId = (this.ownerIds.length > 0) ? this.ownerIds[random.nextInt(this.ownerIds.length)] : null;

		int count = this.purchaseCounts.sample(random);
		// Heavy buyers tend to be older customers: their first order lies further back.
		double exponent = 1.0 / (1.0 + Math.log(Math.max(1, count)));
		long age = Math.max(DAY, (long) ((HISTORY_DAYS - 1) * DAY * Math.pow(random.nextDouble(), exponent)));
		long first = this.historyEnd - age;
		long createdAt = first - random.nextLong(30 * DAY);
		double lapseChance = (count <= 3) ? 0.55 : (count <= 20) ? 0.35 : 0.12;
		boolean lapsed = random.nextDouble() < lapseChance;
		long end = lapsed ? first + (long) ((this.historyEnd - first) * (0.05 + 0.75 * random.nextDouble()))
				: this.historyEnd;

		double spendLevel = Math.exp(0.6 * random.nextGaussian()) * profile.spendFactor();
		double margin = 0.12 + 0.24 * random.nextDouble();
		List<SyntheticOrder> orders = orders(random, count, first, end, spendLevel, margin, channels, channel);
		long completedCents = 0;
		long lastOrder = createdAt;
		for (SyntheticOrder order : orders) {
			if (order.status() == OrderStatus.COMPLETED) {
				completedCents += order.amountCents();
			}
			lastOrder = order.orderedAt();
		}
		long contactEnd = Math.min(this.historyEnd - 1, Math.max(end, lastOrder) + 45 * DAY);
		List<SyntheticInteraction> interactions = interactions(random, enterprise, count, createdAt, contactEnd,
				completedCents);
		CustomerStatus status = (lapsed && random.nextDouble() < 0.08) ? CustomerStatus.INACTIVE
				: CustomerStatus.ACTIVE;
		return new SyntheticCustomer(profile.name(), enterprise ? CustomerType.ENTERPRISE : CustomerType.INDIVIDUAL,
				phone(random), profile.email(), province.name(), city.hanzi(), region.code(), profile.industry(),
				channelType, channel, profile.gender(), profile.ageBand(), profile.incomeBand(), profile.occupation(),
				ownerId, status, createdAt, Math.max(createdAt, lastOrder), orders, interactions);
	}

	private List<SyntheticOrder> orders(SplittableRandom random, int count, long first, long end, double spendLevel,
			double margin, List<String> channels, String channel) {
		if (count == 0) {
			return List.of();
		}
		long[] times = new long[count];
		times[0] = first;
		long span = Math.max(1, end - first);
		for (int i = 1; i < count; i++) {
			times[i] = first + random.nextLong(span);
		}
		Arrays.sort(times);
		List<SyntheticOrder> orders = new ArrayList<>(count);
		for (long time : times) {
			double amount = MEDIAN_ORDER_AMOUNT * spendLevel * Math.exp(0.8 * random.nextGaussian());
			long amountCents = Math.max(100, Math.round(amount * 100));
			double orderMargin = Math.clamp(margin + 0.04 * random.nextGaussian(), 0.10, 0.40);
			long profitCents = Math.round(amountCents * orderMargin);
			double state = random.nextDouble();
			OrderStatus status = (state < 0.95) ? OrderStatus.COMPLETED
					: (state < 0.98) ? OrderStatus.CANCELLED : OrderStatus.REFUNDED;
			String orderChannel = (random.nextDouble() < 0.8) ? channel : Vocabulary.pick(channels, random);
			orders.add(new SyntheticOrder(time, amountCents, profitCents, orderChannel, status));
		}
		return orders;
	}

	private List<SyntheticInteraction> interactions(SplittableRandom random, boolean enterprise, int orders, long from,
			long to, long completedCents) {
		int count = 1 + Math.min(6, orders / 15) + random.nextInt(4);
		long[] times = new long[count];
		long span = Math.max(1, to - from);
		for (int i = 0; i < count; i++) {
			times[i] = from + random.nextLong(span);
		}
		Arrays.sort(times);
		// Satisfaction rises with what the customer spent: log-spend around a typical
		// 3,000.
		double spend = Math.log(Math.max(1.0, completedCents / 100.0) / 3000.0) / 1.5;
		List<SyntheticInteraction> interactions = new ArrayList<>(count);
		for (long time : times) {
			InteractionType type = interactionType(random, enterprise);
			int satisfaction = 0;
			String notes;
			if (type == InteractionType.SATISFACTION_SURVEY) {
				satisfaction = Math.clamp(Math.round(3.4 + 0.7 * spend + 0.8 * random.nextGaussian()), 1, 5);
				notes = SURVEY_NOTES[satisfaction];
			}
			else if (type == InteractionType.COMPLAINT) {
				notes = COMPLAINTS[random.nextInt(COMPLAINTS.length)];
			}
			else {
				String[] choices = notes(type);
				notes = choices[random.nextInt(choices.length)];
			}
			interactions.add(new SyntheticInteraction(type, time, satisfaction, notes));
		}
		return interactions;
	}

	private static String[] notes(InteractionType type) {
		return switch (type) {
			case VISIT -> VISIT_NOTES;
			case CALL -> CALL_NOTES;
			case EMAIL -> EMAIL_NOTES;
			case MEETING -> MEETING_NOTES;
			case WECHAT -> WECHAT_NOTES;
			case COMPLAINT -> COMPLAINTS;
			case SATISFACTION_SURVEY -> SURVEY_NOTES;
		};
	}

	private static InteractionType interactionType(SplittableRandom random, boolean enterprise) {
		double x = random.nextDouble();
		if (x < 0.03) {
			return InteractionType.COMPLAINT;
		}
		if (x < 0.16) {
			return InteractionType.SATISFACTION_SURVEY;
		}
		double y = random.nextDouble();
		if (enterprise) {
			return (y < 0.28) ? InteractionType.VISIT : (y < 0.48) ? InteractionType.MEETING
					: (y < 0.70) ? InteractionType.CALL : (y < 0.85) ? InteractionType.WECHAT : InteractionType.EMAIL;
		}
		return (y < 0.40) ? InteractionType.WECHAT : (y < 0.75) ? InteractionType.CALL
				: (y < 0.88) ? InteractionType.EMAIL : (y < 0.96) ? InteractionType.VISIT : InteractionType.MEETING;
	}

	private static ChannelType acquisitionType(SplittableRandom random, boolean enterprise) {
		double online = enterprise ? 0.30 : 0.70;
		return (random.nextDouble() < online) ? ChannelType.ONLINE : ChannelType.OFFLINE;
	}

	private static int pickRegion(SplittableRandom random) {
		double x = random.nextDouble();
		for (int i = 0; i < Vocabulary.REGIONS.size() - 1; i++) {
			x -= Vocabulary.REGIONS.get(i).weight();
			if (x < 0) {
				return i;
			}
		}
		return Vocabulary.REGIONS.size() - 1;
	}

	private static Profile enterprise(SplittableRandom random, boolean chinese, Word city) {
		Industry industry = Vocabulary.pick(Vocabulary.INDUSTRIES, random);
		String name;
		String domain;
		if (chinese) {
			Word brand = Vocabulary.pick(Vocabulary.BRANDS, random);
			String cityPrefix = (random.nextDouble() < 0.7) ? city.hanzi() : "";
			name = cityPrefix + brand.hanzi() + Vocabulary.pick(industry.chineseWords(), random)
					+ Vocabulary.pick(Vocabulary.COMPANY_SUFFIXES, random);
			domain = brand.pinyin() + random.nextInt(100) + ".com.cn";
		}
		else {
			String brand = Vocabulary.pick(Vocabulary.ENGLISH_BRANDS, random);
			name = brand + " " + industry.englishWord() + " " + Vocabulary.pick(Vocabulary.ENGLISH_SUFFIXES, random);
			domain = brand.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-"
					+ industry.englishWord().toLowerCase(java.util.Locale.ROOT) + ".com";
		}
		String email = Vocabulary.pick(Vocabulary.MAILBOXES, random) + "@" + domain;
		return new Profile(name, email, industry.code(), null, null, null, null, 2.5);
	}

	private static Profile individual(SplittableRandom random, boolean chinese) {
		boolean male = random.nextBoolean();
		String name;
		String local;
		String mailDomain;
		if (chinese) {
			Word surname = Vocabulary.pick(Vocabulary.SURNAMES, random);
			Word given = Vocabulary.pick(male ? Vocabulary.MALE_GIVEN : Vocabulary.FEMALE_GIVEN, random);
			name = surname.hanzi() + given.hanzi();
			local = surname.pinyin() + given.pinyin();
			mailDomain = Vocabulary.pick(Vocabulary.PERSONAL_MAIL, random);
		}
		else {
			String first = Vocabulary.pick(male ? Vocabulary.ENGLISH_MALE : Vocabulary.ENGLISH_FEMALE, random);
			String last = Vocabulary.pick(Vocabulary.ENGLISH_SURNAMES, random);
			name = first + " " + last;
			local = (first + "." + last).toLowerCase(java.util.Locale.ROOT);
			mailDomain = Vocabulary.pick(Vocabulary.GLOBAL_MAIL, random);
		}
		String email = local + (10 + random.nextInt(9990)) + "@" + mailDomain;
		int age = Vocabulary.pick(Vocabulary.AGE_WEIGHTS, random);
		int income = Vocabulary.pick(Vocabulary.INCOME_WEIGHTS, random);
		String occupation = (age == 0 && random.nextDouble() < 0.6) ? "STUDENT"
				: (age == 4 && random.nextDouble() < 0.5) ? "RETIRED" : Vocabulary.pick(Vocabulary.OCCUPATIONS, random);
		double spendFactor = (income == 0) ? 0.7 : (income == 1) ? 1.0 : 1.8;
		return new Profile(name, email, null, male ? "M" : "F", Vocabulary.AGE_BANDS[age],
				Vocabulary.INCOME_BANDS[income], occupation, spendFactor);
	}

	private static String phone(SplittableRandom random) {
		int prefix = Vocabulary.PHONE_PREFIXES[random.nextInt(Vocabulary.PHONE_PREFIXES.length)];
		char[] digits = new char[11];
		digits[0] = (char) ('0' + prefix / 100);
		digits[1] = (char) ('0' + (prefix / 10) % 10);
		digits[2] = (char) ('0' + prefix % 10);
		for (int i = 3; i < 11; i++) {
			digits[i] = (char) ('0' + random.nextInt(10));
		}
		return new String(digits);
	}

	/** Stafford's mix13, as in SplittableRandom: spreads neighbouring indexes apart. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	private record Profile(String name, String email, @org.jspecify.annotations.Nullable String industry,
			@org.jspecify.annotations.Nullable String gender, @org.jspecify.annotations.Nullable String ageBand,
			@org.jspecify.annotations.Nullable String incomeBand, @org.jspecify.annotations.Nullable String occupation,
			double spendFactor) {

	}

}
