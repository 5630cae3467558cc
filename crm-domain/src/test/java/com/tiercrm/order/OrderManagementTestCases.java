package com.tiercrm.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.TeamRepository;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.orderfacts.OrderFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Recording, changing and cancelling orders within a scope, by the import's rules, on
 * each database.
 */
abstract class OrderManagementTestCases {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private UserRepository users;

	@Autowired
	private TeamRepository teams;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private NamedParameterJdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private OrderFacts facts;

	private OrderManagement management;

	private String prefix = "";

	private User rep;

	private User otherRep;

	private User manager;

	@BeforeEach
	void setUp() {
		this.prefix = "OM" + UUID.randomUUID().toString().substring(0, 8);
		this.manager = this.users.save(new User(this.prefix + "-mgr", "Manager", "{noop}x", Role.MANAGER));
		Team team = this.teams.save(new Team(this.prefix + " team", this.manager.getId()));
		this.rep = rep("rep", team);
		this.otherRep = rep("rep2", null);
		customer("C1", this.rep);
		customer("C2", this.otherRep);
		this.management = new OrderManagement(this.orders, this.jdbc, this.facts, LocalDate.of(1970, 1, 1), SHANGHAI,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void recordsAnOrderWithAChineseFormattedAmountAndAGeneratedNumber() {
		ScopedOrder recorded = this.management.record(input("C1", null, "¥12,345.60", false),
				AccessScope.own(this.rep.getId()));
		SalesOrder stored = this.orders.findById(recorded.order().getId()).orElseThrow();
		assertThat(stored.getAmount()).isEqualByComparingTo("12345.60");
		assertThat(stored.getStatus()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(stored.getOrderNo()).matches("CRM-\\d{6,}");
		assertThat(stored.getGrossProfit()).isEqualByComparingTo("0");
		assertThat(recorded.customerCode()).isEqualTo(this.prefix + "C1");
		ScopedOrder second = this.management.record(input("C1", null, "88", false), AccessScope.own(this.rep.getId()));
		assertThat(second.order().getOrderNo()).isNotEqualTo(stored.getOrderNo());
	}

	@Test
	void keepsTheLargestAmountTheRulesAllowWithFourDecimalsAndRecordsReturnsNegative() {
		AccessScope scope = AccessScope.own(this.rep.getId());
		ScopedOrder largest = this.management.record(input("C1", this.prefix + "-MAX", "999,999,999,999.99", false),
				scope);
		assertThat(this.orders.findById(largest.order().getId()).orElseThrow().getAmount())
			.isEqualByComparingTo(OrderRules.MAX_AMOUNT);
		ScopedOrder precise = this.management.record(input("C1", null, "76543.2109", false), scope);
		assertThat(this.orders.findById(precise.order().getId()).orElseThrow().getAmount())
			.isEqualByComparingTo("76543.2109");
		ScopedOrder returned = this.management.record(input("C1", null, "￥23,456.70", true), scope);
		SalesOrder stored = this.orders.findById(returned.order().getId()).orElseThrow();
		assertThat(stored.getAmount()).isEqualByComparingTo("-23456.70");
		assertThat(stored.isReturn()).isTrue();
		OrderTotals totals = this.orders.totalsOfCustomer(stored.getCustomerId());
		assertThat(totals.returns()).isEqualTo(1);
		assertThat(totals.amount())
			.isEqualByComparingTo(new BigDecimal("999999999999.99").add(new BigDecimal("76543.2109"))
				.subtract(new BigDecimal("23456.70")));
		// A customer worth a trillion would hold every later run's A tier alone on a
		// database the test suites share.
		this.management.cancel(largest.order().getId(), null, scope);
	}

	@Test
	void refusesWhatTheImportRefusesNamingEachField() {
		OrderInput bad = new OrderInput(this.prefix + "C1", "x".repeat(65), Instant.parse("2099-01-01T00:00:00Z"),
				"1,000,000,000,000.00", "12.34567", "渠".repeat(51), "shipped", false);
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> this.management.record(bad, AccessScope.own(this.rep.getId())))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(OrderProblem::field, OrderProblem::code)
				.containsExactlyInAnyOrder(tuple("orderNo", "order.error.tooLong"),
						tuple("orderedAt", "order.error.dateOutOfRange"), tuple("amount", "order.error.amount"),
						tuple("grossProfit", "order.error.amount"), tuple("channel", "order.error.tooLong"),
						tuple("status", "order.error.status")));
		OrderInput missing = new OrderInput(this.prefix + "C1", null, null, " ", null, null, null, false);
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> this.management.record(missing, AccessScope.own(this.rep.getId())))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(OrderProblem::field)
				.containsExactlyInAnyOrder("orderedAt", "amount"));
		this.management.record(input("C1", this.prefix + "-DUP", "1", false), AccessScope.own(this.rep.getId()));
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> this.management.record(input("C1", this.prefix + "-DUP", "2", false),
					AccessScope.own(this.rep.getId())))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(OrderProblem::code)
				.containsExactly("order.error.orderNoTaken"));
	}

	@Test
	void aRepReachesOnlyTheirOwnCustomersOrdersAManagerTheTeamsAnAdminAll() {
		ScopedOrder mine = this.management.record(input("C1", null, "100", false), AccessScope.own(this.rep.getId()));
		ScopedOrder others = this.management.record(input("C2", null, "200", false),
				AccessScope.all(this.manager.getId()));
		long mineId = mine.order().getId();
		long othersId = others.order().getId();
		AccessScope rep = AccessScope.own(this.rep.getId());
		assertThat(this.management.find(mineId, rep)).isPresent();
		assertThat(this.management.find(othersId, rep)).isEmpty();
		assertThatExceptionOfType(UnknownOrderException.class)
			.isThrownBy(() -> this.management.cancel(othersId, null, rep));
		assertThatExceptionOfType(UnknownOrderException.class)
			.isThrownBy(() -> this.management.change(othersId, 0, input("C2", null, "1", false), rep));
		assertThatExceptionOfType(UnknownOrderCustomerException.class)
			.isThrownBy(() -> this.management.record(input("C2", null, "1", false), rep));
		assertThatExceptionOfType(UnknownOrderCustomerException.class)
			.isThrownBy(() -> this.management.ofCustomer(this.prefix + "C2", rep, 1, 10));
		AccessScope team = AccessScope.team(this.manager.getId());
		assertThat(this.management.find(mineId, team)).isPresent();
		assertThat(this.management.find(othersId, team)).isEmpty();
		assertThat(this.management.find(othersId, AccessScope.all(this.manager.getId()))).isPresent();
		assertThat(this.orders.findById(othersId).orElseThrow().getStatus()).isEqualTo(OrderStatus.COMPLETED);
	}

	@Test
	void changesAndCancelsWithOptimisticLocking() {
		AccessScope scope = AccessScope.own(this.rep.getId());
		ScopedOrder recorded = this.management.record(input("C1", null, "10,000", false), scope);
		long id = recorded.order().getId();
		long version = this.orders.findById(id).orElseThrow().getVersion();
		ScopedOrder changed = this.management.change(id, version, new OrderInput(this.prefix + "C1", null,
				NOW.minusSeconds(86400), "¥54,321.00", "1,234.5", "门店", "已退款", false), scope);
		SalesOrder stored = this.orders.findById(id).orElseThrow();
		assertThat(stored.getAmount()).isEqualByComparingTo("54321");
		assertThat(stored.getGrossProfit()).isEqualByComparingTo("1234.5");
		assertThat(stored.getStatus()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(stored.getChannel()).isEqualTo("门店");
		assertThat(stored.getOrderNo()).isEqualTo(recorded.order().getOrderNo());
		assertThat(stored.getVersion()).isGreaterThan(version).isEqualTo(changed.order().getVersion());
		assertThatExceptionOfType(OrderConflictException.class)
			.isThrownBy(() -> this.management.change(id, version, input("C1", null, "1", false), scope))
			.satisfies((ex) -> assertThat(ex.current().order().getAmount()).isEqualByComparingTo("54321"));
		assertThatExceptionOfType(OrderConflictException.class)
			.isThrownBy(() -> this.management.cancel(id, version, scope));
		this.management.cancel(id, stored.getVersion(), scope);
		assertThat(this.orders.findById(id).orElseThrow().getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void pagesACustomersOrdersNewestFirst() {
		AccessScope scope = AccessScope.own(this.rep.getId());
		for (int day = 1; day <= 5; day++) {
			this.management.record(new OrderInput(this.prefix + "C1", this.prefix + "-P" + day,
					NOW.minusSeconds(86400L * (10 - day)), String.valueOf(day * 10000), null, null, null, false),
					scope);
		}
		CustomerOrders first = this.management.ofCustomer(this.prefix + "C1", scope, 1, 2);
		assertThat(first.total()).isEqualTo(5);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.orders()).extracting(SalesOrder::getOrderNo)
			.containsExactly(this.prefix + "-P5", this.prefix + "-P4");
		assertThat(this.management.ofCustomer(this.prefix + "C1", scope, 3, 2).orders())
			.extracting(SalesOrder::getOrderNo)
			.containsExactly(this.prefix + "-P1");
	}

	@Test
	void anImportThatChangesAnOrderRaisesItsVersion() {
		ScopedOrder recorded = this.management.record(input("C1", this.prefix + "-IMP", "500", false),
				AccessScope.own(this.rep.getId()));
		long version = this.orders.findById(recorded.order().getId()).orElseThrow().getVersion();
		this.transactions.executeWithoutResult((status) -> this.jdbc.getJdbcTemplate()
			.update("update sales_orders set amount = 600, version = version + 1 where order_no = ?",
					this.prefix + "-IMP"));
		assertThatExceptionOfType(OrderConflictException.class)
			.isThrownBy(() -> this.management.change(recorded.order().getId(), version, input("C1", null, "700", false),
					AccessScope.own(this.rep.getId())));
	}

	private OrderInput input(String customer, String orderNo, String amount, boolean asReturn) {
		return new OrderInput(this.prefix + customer, orderNo, NOW.minusSeconds(3600), amount, null, null, null,
				asReturn);
	}

	private User rep(String name, Team team) {
		User user = new User(this.prefix + "-" + name, name, "{noop}x", Role.SALES_REP);
		user.setTeamId((team != null) ? team.getId() : null);
		return this.users.save(user);
	}

	private void customer(String code, User owner) {
		Customer customer = new Customer(this.prefix + code, "上海" + code + "贸易有限公司", CustomerType.ENTERPRISE);
		customer.setOwnerId(owner.getId());
		this.customers.save(customer);
	}

}
