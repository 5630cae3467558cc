package com.tiercrm.interaction;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.testing.PostgresTestDatabase;
import domaintest.DomainTestApplication;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
@ContextConfiguration(classes = DomainTestApplication.class, initializers = PostgresTestDatabase.class)
class InteractionLogTests {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private UserRepository users;

	@Autowired
	private InteractionRepository interactions;

	@Autowired
	private NamedParameterJdbcTemplate jdbc;

	private InteractionLog log;

	private User rep;

	private Customer customer;

	@BeforeEach
	void setUp() {
		String prefix = "IL" + UUID.randomUUID().toString().substring(0, 8);
		this.rep = this.users.save(new User(prefix + "-rep", "Rep", "{noop}x", Role.SALES_REP));
		Customer customer = new Customer(prefix + "C1", "上海甲乙贸易有限公司", CustomerType.ENTERPRISE);
		customer.setOwnerId(this.rep.getId());
		this.customer = this.customers.save(customer);
		this.log = new InteractionLog(this.jdbc, this.interactions, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void logsAContactNowWithTheRepAndTrimmedNotes() {
		long repId = this.rep.getId();
		this.log.log(this.customer.getCode(), InteractionType.VISIT, "  Renewal agreed  ", 5, repId,
				AccessScope.own(repId));
		Interaction stored = this.interactions
			.findByCustomerIdOrderByOccurredAtDescIdDesc(this.customer.getId(), Limit.of(1))
			.getFirst();
		assertThat(stored.getOccurredAt()).isEqualTo(NOW);
		assertThat(stored.getType()).isEqualTo(InteractionType.VISIT);
		assertThat(stored.getRepId()).isEqualTo(repId);
		assertThat(stored.getNotes()).isEqualTo("Renewal agreed");
		assertThat(stored.getSatisfaction()).isEqualTo((short) 5);
	}

	@Test
	void loggingAContactMovesTheLastContactToIt() {
		long repId = this.rep.getId();
		assertThat(lastContact()).isNull();
		this.log.log(this.customer.getCode(), InteractionType.CALL, null, null, repId, AccessScope.own(repId));
		assertThat(lastContact()).isEqualTo(NOW);
		Instant later = NOW.plus(3, ChronoUnit.DAYS);
		Interaction stored = new InteractionLog(this.jdbc, this.interactions,
				Clock.fixed(later.plusNanos(1_234_567), ZoneOffset.UTC))
			.log(this.customer.getCode(), InteractionType.VISIT, null, null, repId, AccessScope.own(repId));
		assertThat(stored.getOccurredAt()).isEqualTo(later.plusNanos(1_234_000));
		assertThat(lastContact()).isEqualTo(stored.getOccurredAt());
	}

	@Test
	void aContactLoggedBeforeTheLatestOneKeepsTheLastContact() {
		long repId = this.rep.getId();
		Instant imported = NOW.plus(1, ChronoUnit.DAYS);
		MapSqlParameterSource params = new MapSqlParameterSource("id", this.customer.getId()).addValue("at",
				Timestamp.from(imported));
		this.jdbc.update("insert into interactions (customer_id, type, occurred_at) values (:id, 'CALL', :at)", params);
		this.jdbc.update("update customers set last_contact_at = :at where id = :id", params);
		this.log.log(this.customer.getCode(), InteractionType.CALL, null, null, repId, AccessScope.own(repId));
		assertThat(lastContact()).isEqualTo(imported);
	}

	@Test
	void aBackDatedContactIsStoredAtItsTimeAndNeverMovesTheLastContactBackwards() {
		long repId = this.rep.getId();
		this.log.log(this.customer.getCode(), InteractionType.CALL, null, null, repId, AccessScope.own(repId));
		assertThat(lastContact()).isEqualTo(NOW);
		Instant lastWeek = NOW.minus(7, ChronoUnit.DAYS);
		Interaction backDated = this.log.log(this.customer.getCode(), InteractionType.VISIT, lastWeek,
				"Met at the fair", null, repId, AccessScope.own(repId));
		assertThat(backDated.getOccurredAt()).isEqualTo(lastWeek);
		assertThat(lastContact()).isEqualTo(NOW);
		assertThat(this.interactions.findByCustomerIdOrderByOccurredAtDescIdDesc(this.customer.getId(), Limit.of(2)))
			.extracting(Interaction::getOccurredAt)
			.containsExactly(NOW, lastWeek);
	}

	@Test
	void aBackDatedFirstContactBecomesTheLastContact() {
		long repId = this.rep.getId();
		Instant lastMonth = NOW.minus(30, ChronoUnit.DAYS);
		this.log.log(this.customer.getCode(), InteractionType.MEETING, lastMonth, null, 4, repId,
				AccessScope.own(repId));
		assertThat(lastContact()).isEqualTo(lastMonth);
	}

	@Test
	void aContactDatedBeyondAFewMinutesAheadIsRefused() {
		long repId = this.rep.getId();
		assertThat(this.log.acceptable(NOW.plus(InteractionLog.FUTURE_TOLERANCE))).isTrue();
		assertThat(this.log.acceptable(NOW.plus(InteractionLog.FUTURE_TOLERANCE).plusSeconds(1))).isFalse();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.log.log(this.customer.getCode(),
				InteractionType.CALL, NOW.plus(1, ChronoUnit.HOURS), null, null, repId, AccessScope.own(repId)));
		assertThat(lastContact()).isNull();
	}

	@Test
	void blankNotesAndNoScoreAreStoredAsNothing() {
		long repId = this.rep.getId();
		this.log.log(this.customer.getCode(), InteractionType.CALL, " ", null, repId, AccessScope.own(repId));
		Interaction stored = this.interactions
			.findByCustomerIdOrderByOccurredAtDescIdDesc(this.customer.getId(), Limit.of(1))
			.getFirst();
		assertThat(stored.getNotes()).isNull();
		assertThat(stored.getSatisfaction()).isNull();
	}

	@Test
	void aCustomerOfAnotherRepLooksUnknown() {
		assertThatExceptionOfType(UnknownCustomerException.class)
			.isThrownBy(() -> this.log.log(this.customer.getCode(), InteractionType.CALL, null, null, 999_999L,
					AccessScope.own(999_999L)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(this.customer.getCode()));
		assertThat(this.interactions.findByCustomerIdOrderByOccurredAtDescIdDesc(this.customer.getId(), Limit.of(1)))
			.isEmpty();
	}

	private @Nullable Instant lastContact() {
		OffsetDateTime last = this.jdbc.queryForObject("select last_contact_at from customers where id = :id",
				new MapSqlParameterSource("id", this.customer.getId()), OffsetDateTime.class);
		return (last != null) ? last.toInstant() : null;
	}

}
