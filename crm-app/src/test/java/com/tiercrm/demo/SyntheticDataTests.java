package com.tiercrm.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import com.tiercrm.customer.CustomerType;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.order.OrderStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SyntheticDataTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

	private static final long[] REPS = { 11, 12, 13, 14, 15, 16 };

	private static SyntheticData data;

	private static List<SyntheticCustomer> customers;

	@BeforeAll
	static void generate() {
		data = new SyntheticData(42, TODAY, 12, REPS);
		customers = LongStream.range(0, 5000).mapToObj(data::customer).toList();
	}

	@Test
	void purchaseCountsAreHeavyTailedAroundTheTargetMean() {
		int[] counts = customers.stream().mapToInt((customer) -> customer.orders().size()).sorted().toArray();
		double mean = Arrays.stream(counts).average().orElseThrow();
		assertThat(counts[counts.length / 2]).isLessThanOrEqualTo(3);
		assertThat(mean).isCloseTo(12, within(1.5));
		assertThat(counts[counts.length - 1]).isBetween(100, SyntheticData.MAX_ORDERS_PER_CUSTOMER);
		long oneToThree = Arrays.stream(counts).filter((count) -> count >= 1 && count <= 3).count();
		assertThat(oneToThree).isGreaterThan(counts.length / 2);
	}

	@Test
	void meanFollowsTheConfiguredTarget() {
		assertThat(new SyntheticData(1, TODAY, 10, REPS).expectedOrdersPerCustomer()).isCloseTo(10, within(0.01));
		assertThat(new SyntheticData(1, TODAY, 3, REPS).expectedOrdersPerCustomer()).isCloseTo(3, within(0.01));
		assertThatIllegalArgumentException().isThrownBy(() -> new SyntheticData(1, TODAY, 500, REPS));
	}

	@Test
	void ordersLieInTheThreeYearsBeforeTodayInTimeOrder() {
		for (SyntheticCustomer customer : customers) {
			long previous = Long.MIN_VALUE;
			for (SyntheticOrder order : customer.orders()) {
				assertThat(order.orderedAt()).isBetween(data.historyStart(), data.historyEnd() - 1)
					.isGreaterThanOrEqualTo(previous)
					.isGreaterThanOrEqualTo(customer.createdAt());
				previous = order.orderedAt();
			}
		}
	}

	@Test
	void amountsArePositiveWithALongTailAndMarginsBetweenTenAndFortyPercent() {
		List<SyntheticOrder> orders = orders();
		long[] amounts = orders.stream().mapToLong(SyntheticOrder::amountCents).sorted().toArray();
		assertThat(amounts[0]).isPositive();
		double median = amounts[amounts.length / 2] / 100.0;
		assertThat(median).isBetween(150.0, 600.0);
		assertThat(amounts[amounts.length - 1] / 100.0).isGreaterThan(20 * median);
		for (SyntheticOrder order : orders) {
			double margin = (double) order.grossProfitCents() / order.amountCents();
			assertThat(margin).isBetween(0.099, 0.401);
		}
	}

	@Test
	void mostOrdersAreCompletedWithAFewCancelledAndRefunded() {
		List<SyntheticOrder> orders = orders();
		assertThat(share(orders, OrderStatus.CANCELLED)).isCloseTo(0.03, within(0.01));
		assertThat(share(orders, OrderStatus.REFUNDED)).isCloseTo(0.02, within(0.01));
		assertThat(share(orders, OrderStatus.COMPLETED)).isCloseTo(0.95, within(0.015));
	}

	@Test
	void someBuyersAreLapsedAndSomeActive() {
		long recent = data.historyEnd() - 90L * 86_400;
		long lapsed = 0;
		long active = 0;
		for (SyntheticCustomer customer : customers) {
			if (customer.orders().size() >= 2) {
				if (customer.orders().getLast().orderedAt() >= recent) {
					active++;
				}
				else {
					lapsed++;
				}
			}
		}
		assertThat((double) lapsed / (lapsed + active)).isBetween(0.25, 0.75);
	}

	@Test
	void customersMixEnterprisesAndIndividualsWithChineseAndEnglishNames() {
		long enterprises = customers.stream().filter((c) -> c.type() == CustomerType.ENTERPRISE).count();
		assertThat((double) enterprises / customers.size()).isCloseTo(0.30, within(0.03));
		long chinese = customers.stream().filter((c) -> c.name().codePoints().anyMatch((cp) -> cp > 0x4E00)).count();
		assertThat((double) chinese / customers.size()).isBetween(0.6, 0.8);
		for (SyntheticCustomer customer : customers) {
			assertThat(customer.phone()).matches("1[358]\\d{9}");
			assertThat(customer.email()).matches("[a-z0-9.\\-]+@[a-z0-9.\\-]+");
			assertThat(customer.region())
				.isIn(Set.of("EAST", "NORTH", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST", "NORTHEAST"));
			assertThat(customer.channel())
				.isIn(Set.of("TMALL", "JD", "WEBSITE", "WECHAT_MINI", "STORE", "TRADE_SHOW", "REFERRAL"));
			assertThat(customer.ownerId()).isIn(11L, 12L, 13L, 14L, 15L, 16L);
			if (customer.type() == CustomerType.INDIVIDUAL) {
				assertThat(customer.gender()).isIn("M", "F");
				assertThat(customer.ageBand()).isIn("18-24", "25-34", "35-44", "45-54", "55+");
				assertThat(customer.incomeBand()).isIn("LOW", "MIDDLE", "HIGH");
				assertThat(customer.occupation()).isNotBlank();
				assertThat(customer.industry()).isNull();
			}
			else {
				assertThat(customer.industry()).isNotBlank();
				assertThat(customer.gender()).isNull();
			}
		}
	}

	@Test
	void satisfactionRisesWithSpend() {
		List<long[]> spendAndScore = new ArrayList<>();
		for (SyntheticCustomer customer : customers) {
			long spend = customer.orders()
				.stream()
				.filter((order) -> order.status() == OrderStatus.COMPLETED)
				.mapToLong(SyntheticOrder::amountCents)
				.sum();
			for (SyntheticInteraction interaction : customer.interactions()) {
				if (interaction.type() == InteractionType.SATISFACTION_SURVEY) {
					assertThat(interaction.satisfaction()).isBetween(1, 5);
					spendAndScore.add(new long[] { spend, interaction.satisfaction() });
				}
				else {
					assertThat(interaction.satisfaction()).isZero();
				}
			}
		}
		spendAndScore.sort((a, b) -> Long.compare(a[0], b[0]));
		int quarter = spendAndScore.size() / 4;
		double low = spendAndScore.subList(0, quarter).stream().mapToLong((s) -> s[1]).average().orElseThrow();
		double high = spendAndScore.subList(spendAndScore.size() - quarter, spendAndScore.size())
			.stream()
			.mapToLong((s) -> s[1])
			.average()
			.orElseThrow();
		assertThat(high - low).isGreaterThan(0.5);
	}

	@Test
	void everyCustomerHasAFewInteractions() {
		double mean = customers.stream().mapToInt((c) -> c.interactions().size()).average().orElseThrow();
		assertThat(mean).isBetween(2.0, 5.0);
		assertThat(customers).allSatisfy((customer) -> assertThat(customer.interactions()).isNotEmpty());
	}

	@Test
	void theSameSeedGivesTheSameCustomersInAnyOrder() {
		SyntheticData again = new SyntheticData(42, TODAY, 12, REPS);
		assertThat(again.customer(4321)).isEqualTo(customers.get(4321));
		assertThat(again.customer(7)).isEqualTo(customers.get(7));
		SyntheticData other = new SyntheticData(43, TODAY, 12, REPS);
		assertThat(other.customer(7)).isNotEqualTo(customers.get(7));
	}

	private static List<SyntheticOrder> orders() {
		return customers.stream().flatMap((customer) -> customer.orders().stream()).toList();
	}

	private static double share(List<SyntheticOrder> orders, OrderStatus status) {
		return (double) orders.stream().filter((order) -> order.status() == status).count() / orders.size();
	}

}
