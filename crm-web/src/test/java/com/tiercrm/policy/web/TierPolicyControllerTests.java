package com.tiercrm.policy.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import com.tiercrm.account.Role;
import com.tiercrm.policy.FieldChange;
import com.tiercrm.policy.PolicyConflictException;
import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.PolicyVersion;
import com.tiercrm.policy.ServiceChannel;
import com.tiercrm.policy.Tier;
import com.tiercrm.policy.TierBook;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.policy.UnknownTierException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.list.TierLabels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ TierPolicyController.class, TierPolicyApiController.class })
@Import(WebSliceConfiguration.class)
class TierPolicyControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	private static final Tier TIER_A = new Tier("ABC:A", "ABC", "A", 1, "A – key customers", "A 类（重点客户）");

	private static final PolicyTerms TERMS = new PolicyTerms(new BigDecimal("10"), new BigDecimal("500000"), 60, 4, 14,
			true, EnumSet.of(ServiceChannel.VISIT, ServiceChannel.PHONE), "VIP hotline");

	private static final TierPolicy POLICY_A = new TierPolicy(TIER_A,
			new PolicyVersion(3, TERMS, "mgr8", Instant.parse("2026-01-01T00:00:00Z"), List.of()));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TierPolicies policies;

	@MockitoBean(name = "tierLabels")
	private TierLabels labels;

	@Autowired
	private MessageSource messages;

	@BeforeEach
	void knowTierA() {
		// Model names come from the bundles, as the real bean takes them.
		given(this.labels.model(anyString(), any())).willAnswer((call) -> this.messages
			.getMessage("policy.model." + call.getArgument(0), null, call.getArgument(1, Locale.class)));
		given(this.policies.find("ABC:A")).willReturn(POLICY_A);
		given(this.policies.find("ABC:NOPE")).willThrow(new UnknownTierException("ABC:NOPE"));
	}

	@Test
	void listShowsTheTiersOfTheModelInForceWithTheirPolicies() throws Exception {
		given(this.policies.book(null)).willReturn(new TierBook("ABC", "ABC", List.of("ABC", "CLV", "RFM"),
				List.of(POLICY_A, new TierPolicy(new Tier("ABC:B", "ABC", "B", 2, "B – regular", "B 类"), null))));
		this.mvc.perform(get("/tiers").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(view().name("policies/list"))
			.andExpect(content().string(containsString("A – key customers")))
			.andExpect(content().string(containsString("10 %")))
			.andExpect(content().string(containsString("within 4 h")))
			.andExpect(content().string(containsString("/tiers?model=RFM")))
			.andExpect(content().string(containsString("Customers are tiered by ABC (Pareto)")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void listShowsAnotherModelInChinese() throws Exception {
		given(this.policies.book("RFM")).willReturn(new TierBook("RFM", "ABC", List.of("ABC", "CLV", "RFM"), List
			.of(new TierPolicy(new Tier("RFM:LOYAL", "RFM", "LOYAL", 12, "Loyal", "忠诚客户"), POLICY_A.current()))));
		this.mvc.perform(get("/tiers").param("model", "RFM").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("忠诚客户")))
			.andExpect(content().string(containsString("每 14 天")))
			.andExpect(content().string(containsString("ABC 分类（帕累托）（当前使用）")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void unknownModelOrTierIsNotFound() throws Exception {
		given(this.policies.book("XYZ")).willThrow(new UnknownTierException("XYZ"));
		this.mvc.perform(get("/tiers").param("model", "XYZ").with(user(REP))).andExpect(status().isNotFound());
		this.mvc.perform(get("/tiers/ABC:NOPE/policy").with(user(REP))).andExpect(status().isNotFound());
		this.mvc.perform(get("/tiers/ABC:NOPE/policy/edit").with(user(MANAGER))).andExpect(status().isNotFound());
	}

	@Test
	void repReadsThePolicyAndItsHistoryButCannotEdit() throws Exception {
		PolicyTerms before = new PolicyTerms(new BigDecimal("5"), new BigDecimal("500000"), 60, 4, 14, true,
				EnumSet.of(ServiceChannel.VISIT, ServiceChannel.PHONE), "VIP hotline");
		given(this.policies.history("ABC:A")).willReturn(List.of(
				new PolicyVersion(3, TERMS, "mgr8", Instant.parse("2026-01-01T00:00:00Z"),
						List.of(new FieldChange("discountPercent", new BigDecimal("5"), new BigDecimal("10")))),
				new PolicyVersion(2, before, null, Instant.parse("2025-01-01T00:00:00Z"), List.of())));
		this.mvc.perform(get("/tiers/ABC:A/policy").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(view().name("policies/detail"))
			.andExpect(content().string(containsString("Version 3, saved by mgr8 on")))
			.andExpect(content().string(containsString("5 %")))
			.andExpect(content().string(containsString("Before")))
			.andExpect(content().string(not(containsString("id=\"edit-policy\""))))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(get("/tiers/ABC:A/policy/edit").with(user(REP))).andExpect(status().isForbidden());
		this.mvc.perform(validPost().with(user(REP))).andExpect(status().isForbidden());
		then(this.policies).should(never()).save(anyString(), anyInt(), any(), any());
	}

	@Test
	void managerGetsTheFormFilledWithTheCurrentVersion() throws Exception {
		this.mvc.perform(get("/tiers/ABC:A/policy/edit").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(view().name("policies/form"))
			.andExpect(content().string(containsString("name=\"baseVersion\" value=\"3\"")))
			.andExpect(content().string(containsString("VIP hotline")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void formShowsTheUnitOfEveryNumber() throws Exception {
		this.mvc.perform(get("/tiers/ABC:A/policy/edit").with(user(MANAGER)).locale(java.util.Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<span class=\"input-group-text\" id=\"discountPercent-unit\">%</span>")))
			.andExpect(content()
				.string(containsString("<span class=\"input-group-text\" id=\"creditLimit-unit\">CNY</span>")))
			.andExpect(content()
				.string(containsString("<span class=\"input-group-text\" id=\"paymentTermsDays-unit\">days</span>")))
			.andExpect(content()
				.string(containsString("<span class=\"input-group-text\" id=\"responseSlaHours-unit\">hours</span>")))
			.andExpect(content()
				.string(containsString("<span class=\"input-group-text\" id=\"contactCadenceDays-unit\">days</span>")))
			.andExpect(content().string(containsString("aria-describedby=\"responseSlaHours-unit\"")));
		this.mvc.perform(get("/tiers/ABC:A/policy/edit").with(user(MANAGER)).param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"responseSlaHours-unit\">小时</span>")))
			.andExpect(content().string(containsString("id=\"contactCadenceDays-unit\">天</span>")));
	}

	@Test
	void managerSavesANewVersionAndIsRedirected() throws Exception {
		given(this.policies.save(eq("ABC:A"), eq(3), any(), eq("mgr8"))).willReturn(POLICY_A);
		this.mvc.perform(validPost().with(user(MANAGER)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tiers/ABC:A/policy"));
		then(this.policies).should()
			.save(eq("ABC:A"), eq(3),
					argThat((terms) -> terms.discountPercent().compareTo(new BigDecimal("12.5")) == 0
							&& terms.preferredChannels().equals(EnumSet.of(ServiceChannel.EMAIL, ServiceChannel.WECHAT))
							&& !terms.dedicatedAccountManager() && "Gifts".equals(terms.perks())),
					eq("mgr8"));
	}

	@Test
	void invalidInputComesBackWithReasonsInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(post("/tiers/ABC:A/policy/edit").with(csrf())
				.with(user(MANAGER))
				.param("lang", "zh-CN")
				.param("discountPercent", "150")
				.param("creditLimit", "-1")
				.param("paymentTermsDays", "30")
				.param("responseSlaHours", "4")
				.param("contactCadenceDays", "0")
				.param("perks", "x".repeat(1001))
				.param("baseVersion", "3"))
			.andExpect(status().isOk())
			.andExpect(view().name("policies/form"))
			.andExpect(model().attributeHasFieldErrors("policyForm", "discountPercent", "creditLimit",
					"contactCadenceDays", "perks"))
			.andExpect(content().string(containsString("不能大于 100")))
			.andExpect(content().string(containsString("value=\"150\"")))
			.andExpect(content().string(not(containsString("??"))));
		then(this.policies).should(never()).save(anyString(), anyInt(), any(), any());
	}

	@Test
	void mistypedNumberComesBackWithAReasonInsteadOfFailing() throws Exception {
		this.mvc
			.perform(post("/tiers/ABC:A/policy/edit").with(csrf())
				.with(user(MANAGER))
				.param("discountPercent", "ten")
				.param("creditLimit", "1000")
				.param("paymentTermsDays", "30")
				.param("responseSlaHours", "4")
				.param("contactCadenceDays", "7")
				.param("baseVersion", "3"))
			.andExpect(status().isOk())
			.andExpect(view().name("policies/form"))
			.andExpect(model().attributeHasFieldErrors("policyForm", "discountPercent"))
			.andExpect(content().string(containsString("This value has the wrong format.")))
			.andExpect(content().string(containsString("value=\"ten\"")));
		then(this.policies).should(never()).save(anyString(), anyInt(), any(), any());
	}

	@Test
	void secondSaveFromTheSameVersionIsRefusedAndKeepsTheInput() throws Exception {
		TierPolicy theirs = new TierPolicy(TIER_A,
				new PolicyVersion(4, TERMS, "otherManager", Instant.parse("2026-02-01T08:00:00Z"), List.of()));
		given(this.policies.save(eq("ABC:A"), eq(3), any(), eq("mgr8")))
			.willThrow(new PolicyConflictException(theirs, 3));
		this.mvc.perform(validPost().with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(view().name("policies/form"))
			.andExpect(content().string(containsString("id=\"policy-conflict\"")))
			.andExpect(content().string(containsString("otherManager saved version 4")))
			.andExpect(content().string(containsString("value=\"12.5\"")))
			.andExpect(content().string(containsString(">Gifts</textarea>")))
			.andExpect(content().string(containsString("name=\"baseVersion\" value=\"4\"")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void apiListsTiersAndShowsOnePolicy() throws Exception {
		given(this.policies.all()).willReturn(List.of(POLICY_A));
		this.mvc.perform(get("/api/v1/tiers").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].tier.code").value("ABC:A"))
			.andExpect(jsonPath("$[0].current.terms.discountPercent").value(10));
		this.mvc.perform(get("/api/v1/tiers/ABC:A/policy").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current.version").value(3))
			.andExpect(jsonPath("$.current.terms.preferredChannels[0]").value("VISIT"))
			.andExpect(jsonPath("$.currency").value("CNY"));
		this.mvc.perform(get("/api/v1/tiers/ABC:NOPE/policy").with(user(REP))).andExpect(status().isNotFound());
	}

	@Test
	void apiSavesForManagersOnly() throws Exception {
		given(this.policies.save(eq("ABC:A"), eq(3), any(), eq("mgr8"))).willReturn(POLICY_A);
		this.mvc.perform(apiPut(3, "12.5").with(user(REP))).andExpect(status().isForbidden());
		this.mvc.perform(apiPut(3, "12.5").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current.version").value(3));
	}

	@Test
	void apiTakesBackWhatItGaveWithAChangedTerm() throws Exception {
		given(this.policies.find("ABC:A")).willReturn(POLICY_A);
		given(this.policies.save(eq("ABC:A"), eq(3), any(), eq("mgr8"))).willReturn(POLICY_A);
		String read = this.mvc.perform(get("/api/v1/tiers/ABC:A/policy").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode policy = JsonMapper.builder().build().readTree(read);
		((ObjectNode) policy.get("current").get("terms")).put("discountPercent", 12.5);
		this.mvc
			.perform(put("/api/v1/tiers/ABC:A/policy").with(user(MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(policy.toString()))
			.andExpect(status().isOk());
		then(this.policies).should()
			.save(eq("ABC:A"), eq(3),
					argThat((terms) -> terms.discountPercent().compareTo(new BigDecimal("12.5")) == 0
							&& terms.equals(new PolicyTerms(new BigDecimal("12.5"), TERMS.creditLimit(),
									TERMS.paymentTermsDays(), TERMS.responseSlaHours(), TERMS.contactCadenceDays(),
									TERMS.dedicatedAccountManager(), TERMS.preferredChannels(), TERMS.perks()))),
					eq("mgr8"));
		// The credit limit is in the installation's currency: another is refused.
		((ObjectNode) policy).put("currency", "USD");
		this.mvc
			.perform(put("/api/v1/tiers/ABC:A/policy").with(user(MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(policy.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("creditLimit"))
			.andExpect(
					jsonPath("$.errors[0].reason").value("The credit limit is in CNY, the installation's currency."));
	}

	@Test
	void apiAnswersAConflictWith409AndBadInputWith400AndReasons() throws Exception {
		TierPolicy theirs = new TierPolicy(TIER_A,
				new PolicyVersion(4, TERMS, "otherManager", Instant.parse("2026-02-01T08:00:00Z"), List.of()));
		given(this.policies.save(eq("ABC:A"), eq(3), any(), any())).willThrow(new PolicyConflictException(theirs, 3));
		this.mvc.perform(apiPut(3, "12.5").with(user(MANAGER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(4));
		this.mvc.perform(apiPut(3, "101").with(user(MANAGER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("discountPercent"))
			.andExpect(jsonPath("$.errors[0].reason").value("Must be at most 100."));
		this.mvc
			.perform(put("/api/v1/tiers/ABC:A/policy").with(user(MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{not json"))
			.andExpect(status().isBadRequest());
	}

	private static MockHttpServletRequestBuilder validPost() {
		return post("/tiers/ABC:A/policy/edit").with(csrf())
			.param("discountPercent", "12.5")
			.param("creditLimit", "200000")
			.param("paymentTermsDays", "45")
			.param("responseSlaHours", "8")
			.param("contactCadenceDays", "21")
			.param("preferredChannels", "EMAIL", "WECHAT")
			.param("_preferredChannels", "on")
			.param("_dedicatedAccountManager", "on")
			.param("perks", "Gifts")
			.param("baseVersion", "3");
	}

	private static MockHttpServletRequestBuilder apiPut(int baseVersion, String discount) {
		return put("/api/v1/tiers/ABC:A/policy").contentType(MediaType.APPLICATION_JSON).content("""
				{"discountPercent": %s, "creditLimit": 1000, "paymentTermsDays": 30, "responseSlaHours": 24,
				 "contactCadenceDays": 30, "dedicatedAccountManager": false, "preferredChannels": ["PHONE"],
				 "perks": null, "baseVersion": %d}""".formatted(discount, baseVersion));
	}

}
