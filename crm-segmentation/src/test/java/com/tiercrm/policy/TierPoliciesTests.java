package com.tiercrm.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Policies on a real PostgreSQL: seeded defaults, versions with their changes, and the
 * refusal of a save based on an outdated version.
 */
@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class TierPoliciesTests {

	@Autowired
	private TierPolicies policies;

	@Autowired
	private JdbcTemplate jdbc;

	private String code;

	@BeforeEach
	void createTierWithoutPolicy() {
		this.code = "CLV:T" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.update("insert into tiers (code, model, class_code, rank_order, label_en, label_zh)"
				+ " values (?, 'CLV', 'TEST', 99, 'Test tier', '测试等级')", this.code);
	}

	@AfterEach
	void deleteTier() {
		this.jdbc.update("delete from tier_policy_versions where tier_code = ?", this.code);
		this.jdbc.update("delete from tier_policies where tier_code = ?", this.code);
		this.jdbc.update("delete from tiers where code = ?", this.code);
	}

	@Test
	void migrationSeedsGenerousATiersAndMinimalCTiers() {
		PolicyTerms a = this.policies.find("ABC:A").current().terms();
		PolicyTerms c = this.policies.find("ABC:C").current().terms();
		assertThat(a.discountPercent()).isGreaterThan(c.discountPercent());
		assertThat(a.creditLimit()).isGreaterThan(c.creditLimit());
		assertThat(a.responseSlaHours()).isLessThan(c.responseSlaHours());
		assertThat(a.dedicatedAccountManager()).isTrue();
		assertThat(c.dedicatedAccountManager()).isFalse();
		assertThat(a.preferredChannels()).contains(ServiceChannel.VISIT);
		assertThat(this.policies.all()).filteredOn((tier) -> !tier.tier().code().equals(this.code))
			.hasSizeGreaterThanOrEqualTo(28)
			.allSatisfy((tier) -> assertThat(tier.current()).isNotNull());
	}

	@Test
	void bookListsOneModelsTiersBestFirst() {
		TierBook rfm = this.policies.book("RFM");
		assertThat(rfm.shown()).isEqualTo("RFM");
		assertThat(rfm.tiers()).extracting((tier) -> tier.tier().model()).containsOnly("RFM");
		assertThat(rfm.tiers()).extracting((tier) -> tier.tier().rankOrder()).isSorted();
		TierBook inForce = this.policies.book(null);
		assertThat(inForce.shown()).isEqualTo(inForce.inForce());
		assertThat(inForce.models()).contains("ABC", "RFM", "CLV");
		assertThatExceptionOfType(UnknownTierException.class).isThrownBy(() -> this.policies.book("XYZ"));
	}

	@Test
	void everySaveIsANewVersionAndTheHistoryShowsWhatChanged() {
		assertThat(this.policies.find(this.code).current()).isNull();
		TierPolicy first = this.policies.save(this.code, 0, terms("5", EnumSet.of(ServiceChannel.PHONE)), "mgr1");
		assertThat(first.version()).isEqualTo(1);
		TierPolicy second = this.policies.save(this.code, 1,
				terms("7.5", EnumSet.of(ServiceChannel.PHONE, ServiceChannel.WECHAT)), "mgr2");
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.current().terms().discountPercent()).isEqualByComparingTo("7.5");
		assertThat(second.current().savedBy()).isEqualTo("mgr2");

		List<PolicyVersion> history = this.policies.history(this.code);
		assertThat(history).extracting(PolicyVersion::version).containsExactly(2, 1);
		assertThat(history.get(0).changes()).extracting(FieldChange::field)
			.containsExactly("discountPercent", "preferredChannels");
		FieldChange discount = history.get(0).changes().get(0);
		assertThat((BigDecimal) discount.before()).isEqualByComparingTo("5");
		assertThat((BigDecimal) discount.after()).isEqualByComparingTo("7.5");
		assertThat(history.get(1).changes()).isEmpty();
		assertThat(history.get(1).savedBy()).isEqualTo("mgr1");
	}

	@Test
	void secondSaveFromTheSameVersionIsRefused() {
		this.policies.save(this.code, 0, terms("5", EnumSet.of(ServiceChannel.PHONE)), "mgr1");
		this.policies.save(this.code, 1, terms("6", EnumSet.of(ServiceChannel.PHONE)), "mgr1");
		assertThatExceptionOfType(PolicyConflictException.class)
			.isThrownBy(() -> this.policies.save(this.code, 1, terms("9", EnumSet.of(ServiceChannel.SMS)), "mgr2"))
			.satisfies((ex) -> {
				assertThat(ex.current().version()).isEqualTo(2);
				assertThat(ex.current().current().savedBy()).isEqualTo("mgr1");
			});
		assertThat(this.policies.find(this.code).current().terms().discountPercent()).isEqualByComparingTo("6");
		assertThat(this.policies.history(this.code)).hasSize(2);
	}

	@Test
	void ofTwoConcurrentSavesFromTheSameVersionExactlyOneWins() throws Exception {
		this.policies.save(this.code, 0, terms("5", EnumSet.of(ServiceChannel.PHONE)), "mgr0");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<TierPolicy>> saves = new ArrayList<>();
			for (String manager : List.of("mgr1", "mgr2")) {
				Callable<TierPolicy> save = () -> {
					start.await();
					return this.policies.save(this.code, 1, terms("8", EnumSet.of(ServiceChannel.EMAIL)), manager);
				};
				saves.add(executor.submit(save));
			}
			start.countDown();
			int won = 0;
			int refused = 0;
			for (Future<TierPolicy> save : saves) {
				try {
					save.get(30, TimeUnit.SECONDS);
					won++;
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(PolicyConflictException.class);
					refused++;
				}
			}
			assertThat(won).isOne();
			assertThat(refused).isOne();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.policies.history(this.code)).hasSize(2);
	}

	@Test
	void unknownTierIsReported() {
		assertThatExceptionOfType(UnknownTierException.class).isThrownBy(() -> this.policies.find("ABC:NOPE"));
		assertThatExceptionOfType(UnknownTierException.class).isThrownBy(
				() -> this.policies.save("ABC:NOPE", 1, terms("1", EnumSet.noneOf(ServiceChannel.class)), "mgr"));
	}

	@Test
	void databaseRejectsADiscountAboveAHundredPercent() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.policies.save(this.code, 0, terms("150", Set.of()), "mgr"));
		assertThat(this.policies.find(this.code).current()).isNull();
	}

	private static PolicyTerms terms(String discount, Set<ServiceChannel> channels) {
		return new PolicyTerms(new BigDecimal(discount), new BigDecimal("10000"), 30, 24, 30, false, channels,
				"Free delivery");
	}

}
