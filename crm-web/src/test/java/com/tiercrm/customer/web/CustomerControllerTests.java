package com.tiercrm.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.tiercrm.contact.Contacts;
import com.tiercrm.savedview.SavedViews;
import com.tiercrm.account.AccessScope;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.OwnerOption;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.OrderTotals;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.PolicyVersion;
import com.tiercrm.policy.ServiceChannel;
import com.tiercrm.policy.Tier;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.InvalidListCursorException;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredPage;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.tiering.run.CustomerSegment;
import com.tiercrm.tiering.run.TierHistoryEntry;
import com.tiercrm.web.TestReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ CustomerController.class, CustomerApiController.class })
@Import({ WebSliceConfiguration.class, CustomerWords.class })
class CustomerControllerTests {

	private static final ContactDue NO_CADENCE = ContactDue.of(null, null, Instant.EPOCH);

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TieredCustomerSearch tiered;

	@MockitoBean
	private CustomerExport export;

	@MockitoBean
	private CustomerProfiles profiles;

	@MockitoBean
	private OwnerOptions owners;

	@MockitoBean
	private ReferenceData references;

	@MockitoBean
	private ApiTokenManagement apiTokens;

	@MockitoBean
	private SavedViews savedViews;

	@MockitoBean(name = "contacts")
	private Contacts contacts;

	@MockitoBean(name = "tierLabels")
	private TierLabels tierLabels;

	@MockitoBean(name = "customerHistory")
	private CustomerHistory customerHistory;

	@BeforeEach
	void filterOptions() {
		TestReferences.stub(this.references);
		given(this.tiered.filterOptions()).willReturn(new TierFilterOptions(List.of("ABC:A", "ABC:B"),
				List.of("A", "B"), List.of("IMPORTANT_VALUE"), List.of("HIGH"), 0.3));
	}

	@Test
	void listFiltersByTierAndSortsByPredictedValue() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(tieredRow()), "n1", null));
		given(this.tierLabels.label(eq("ABC:A"), any())).willReturn("A – key customers");
		this.mvc
			.perform(get("/customers").param("tier", "ABC:A")
				.param("alive", "HIGH")
				.param("sort", "CLV_DESC")
				.param("q", "a+b")
				.with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A – key customers")))
			.andExpect(content().string(containsString("7,200.00")))
			.andExpect(content().string(containsString("q=a%2Bb&amp;tier=ABC%3AA&amp;alive=HIGH&amp;sort=CLV_DESC")))
			.andExpect(content().string(containsString("/customers/export.xlsx?q=a%2Bb&amp;tier=ABC%3AA")));
		then(this.tiered).should()
			.search(argThat((criteria) -> "ABC:A".equals(criteria.tier()) && criteria.alive() == AliveBand.HIGH
					&& criteria.sort() == TieredSort.CLV_DESC && "a+b".equals(criteria.text())),
					eq(AccessScope.own(7)));
	}

	@Test
	void ownerFilterOffersTheScopesOwnersEscapedWithTheChosenOneSelected() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(tieredRow()), null, null));
		given(this.owners.visibleTo(AccessScope.own(7)))
			.willReturn(List.of(new OwnerOption(7, "Rep <Seven> & Co"), new OwnerOption(8, "Rep \"Eight\"")));
		this.mvc.perform(get("/customers").param("owner", "7").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<option value=\"7\" selected>Rep &lt;Seven&gt; &amp; Co</option>")))
			.andExpect(content().string(containsString("<option value=\"8\">Rep &quot;Eight&quot;</option>")))
			.andExpect(content().string(not(containsString("<Seven>"))));
	}

	@Test
	void unknownSortBandTierOrClassShowsTheFormAgain() throws Exception {
		this.mvc
			.perform(get("/customers").param("sort", "DROP TABLE")
				.param("alive", "SOME")
				.param("tier", "ABC:Z")
				.param("abc", "Z")
				.with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("filter", "sort", "alive", "tier", "abc"))
			.andExpect(content().string(containsString("id=\"filter-errors\"")));
		then(this.tiered).should(org.mockito.Mockito.never()).search(any(), any());
	}

	@Test
	void detailShowsLastContactAndOverdueNextContact() throws Exception {
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional.of(profileWithPolicy()));
		this.mvc.perform(get("/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"last-contact\"")))
			.andExpect(content().string(containsString("2026-01-15")))
			.andExpect(content().string(containsString("Overdue")))
			.andExpect(content().string(containsString("Every 14 days")));
	}

	@Test
	void listRequiresLogin() throws Exception {
		this.mvc.perform(get("/customers")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void listSearchesWithinTheRepsOwnScope() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(tieredRow()), "next-cursor", null));
		this.mvc.perform(get("/customers").param("q", "王").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/list"))
			.andExpect(content().string(containsString("王小明")))
			.andExpect(content().string(containsString("cursor=next-cursor")));
		then(this.tiered).should().search(any(TieredCriteria.class), eq(AccessScope.own(7)));
	}

	@Test
	void listRendersInChineseOnRequest() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(tieredRow()), null, null));
		this.mvc.perform(get("/customers").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("客户编号")))
			.andExpect(content().string(containsString("华东")));
	}

	@Test
	void mistypedPageSizeShowsTheFormAgainInsteadOfFailing() throws Exception {
		this.mvc.perform(get("/customers").param("size", "ten").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("filter", "size"))
			.andExpect(content().string(containsString("id=\"filter-errors\"")));
		then(this.tiered).should(org.mockito.Mockito.never()).search(any(), any());
	}

	@Test
	void oversizedPageSizeIsClamped() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(), null, null));
		this.mvc.perform(get("/customers").param("size", "5000").with(user(REP))).andExpect(status().isOk());
		then(this.tiered).should()
			.search(argThat((criteria) -> criteria.size() == TieredCriteria.MAX_SIZE), eq(AccessScope.own(7)));
	}

	@Test
	void nonNumericOwnerShowsTheFormAgainWithAnError() throws Exception {
		this.mvc.perform(get("/customers").param("owner", "abc").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("filter", "owner"));
	}

	@Test
	void forgedCursorIsA400Page() throws Exception {
		given(this.tiered.search(any(), any())).willThrow(InvalidListCursorException.class);
		this.mvc.perform(get("/customers").param("cursor", "garbage").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error/4xx"));
	}

	@Test
	void customerOfAnotherRepIsNotFound() throws Exception {
		given(this.profiles.find("C-OTHER", AccessScope.own(7))).willReturn(Optional.empty());
		this.mvc.perform(get("/customers/C-OTHER").with(user(REP))).andExpect(status().isNotFound());
	}

	@Test
	void detailShowsProfileAndTotals() throws Exception {
		Customer customer = new Customer("C-1", "王小明", CustomerType.INDIVIDUAL);
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional.of(new CustomerProfile(customer,
				"Rep Seven", new OrderTotals(3L, new BigDecimal("1234.50"), new BigDecimal("300.00"), null, null),
				List.of(), 3, List.of(), null, List.of(), null, NO_CADENCE, false)));
		this.mvc.perform(get("/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王小明")))
			.andExpect(content().string(containsString("1,234.50")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void detailOfACustomerAddedAfterThePublishedRunSaysSo() throws Exception {
		Customer customer = new Customer("C-1", "Ann Lee", CustomerType.INDIVIDUAL);
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional
			.of(new CustomerProfile(customer, null, new OrderTotals(0L, BigDecimal.ZERO, BigDecimal.ZERO, null, null),
					List.of(), 0, List.of(), null, List.of(), null, NO_CADENCE, true)));
		this.mvc.perform(get("/customers/C-1").with(user(REP)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not in the current run yet")))
			.andExpect(content().string(not(containsString("No segmentation run has been published yet"))));
		this.mvc.perform(get("/customers/C-1").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("尚未纳入当前运行")));
	}

	@Test
	void detailBeforeTheFirstRunSaysNoRunIsPublished() throws Exception {
		Customer customer = new Customer("C-1", "Ann Lee", CustomerType.INDIVIDUAL);
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional
			.of(new CustomerProfile(customer, null, new OrderTotals(0L, BigDecimal.ZERO, BigDecimal.ZERO, null, null),
					List.of(), 0, List.of(), null, List.of(), null, NO_CADENCE, false)));
		this.mvc.perform(get("/customers/C-1").with(user(REP)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No segmentation run has been published yet")))
			.andExpect(content().string(not(containsString("Not in the current run yet"))));
	}

	@Test
	void detailShowsReturnsAndThePhoneAsWritten() throws Exception {
		Customer customer = new Customer("C-1", "王小明", CustomerType.INDIVIDUAL);
		customer.setPhone("057188888888", "+86 0571-8888 8888");
		SalesOrder purchase = new SalesOrder("536365", 1, Instant.parse("2011-12-01T08:26:00Z"),
				new BigDecimal("2042.7610"), new BigDecimal("0"), OrderStatus.COMPLETED);
		SalesOrder credit = new SalesOrder("C536379", 1, Instant.parse("2011-12-02T09:41:00Z"),
				new BigDecimal("-27.5000"), new BigDecimal("0"), OrderStatus.COMPLETED);
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional.of(new CustomerProfile(customer, null,
				new OrderTotals(1, new BigDecimal("2015.2610"), BigDecimal.ZERO, null, null, 1,
						new BigDecimal("-27.5000")),
				List.of(credit, purchase), 2, List.of(), null, List.of(), null, NO_CADENCE, false)));
		this.mvc.perform(get("/customers/C-1").with(user(REP)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("+86 0571-8888 8888")))
			.andExpect(content().string(containsString("Returns (1)")))
			.andExpect(content().string(containsString("2,015.26")))
			.andExpect(content().string(containsString("2,042.76")))
			.andExpect(content().string(containsString("27.50")))
			.andExpect(content().string(containsString(">Return<")));
	}

	@Test
	void detailExplainsTheTierInTheUsersLanguage() throws Exception {
		Customer customer = new Customer("C-1", "王小明", CustomerType.INDIVIDUAL);
		CustomerSegment segment = new CustomerSegment(3, LocalDate.of(2025, 6, 30), 1, "ABC:A", "A", 5000, 14, 0.62,
				"abc.reason.share.a|14|100|62.0|80.0", 12, 9, 5000, 5, 4, 5, "IMPORTANT_VALUE", null, 5000, 7200,
				"BG_NBD_GAMMA_GAMMA", 0.91, 3.2, 400.0, 7, "HIGH", null);
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional.of(new CustomerProfile(customer, null,
				new OrderTotals(9L, new BigDecimal("5000"), new BigDecimal("900"), null, null), List.of(), 9, List.of(),
				segment,
				List.of(new TierHistoryEntry(3, LocalDate.of(2025, 6, 30), "ABC:A", "A", "IMPORTANT_VALUE", "HIGH")),
				null, NO_CADENCE, false)));
		given(this.tierLabels.label(eq("ABC:A"), any())).willReturn("A 类（重点客户）");
		this.mvc.perform(get("/customers/C-1").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A 类（重点客户）")))
			.andExpect(content().string(containsString("排名第14/100：排名在前的客户合计占价值的62%，低于A类上限80%。")))
			.andExpect(content().string(containsString("重要价值客户")))
			.andExpect(content().string(containsString("91.0%")))
			.andExpect(content().string(containsString("第 3 次运行，2025-06-30")));
		this.mvc.perform(get("/customers/C-1").with(user(REP)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("run #3, 2025-06-30")));
	}

	@Test
	void detailExplainsTheProbabilityAliveOfAOneTimeBuyerUnderEitherModel() throws Exception {
		Customer customer = new Customer("C-1", "Ann Lee", CustomerType.INDIVIDUAL);
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional.of(oneTimeBuyer(customer,
				"BG_NBD_GAMMA_GAMMA", 1.0, "clv.reason.model-one-time|820.5|300|1000|0.35|12|100|2344.3|325")));
		this.mvc.perform(get("/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100.0%")))
			.andExpect(content().string(containsString("Bought only once, 325 days ago: BG/NBD lets a customer stop"
					+ " only after a repeat purchase, so it counts every one-time buyer as 100 % still active")));
		given(this.profiles.find("C-1", AccessScope.own(7)))
			.willReturn(Optional.of(oneTimeBuyer(customer, "MBG_NBD_GAMMA_GAMMA", 0.3897,
					"clv.reason.model-mbg-one-time|310.2|700|1000|0.15|12|38.97|2344.3|325")));
		this.mvc.perform(get("/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("39.0%")))
			.andExpect(content().string(containsString("Bought only once, 325 days ago: MBG/NBD lets a customer stop"
					+ " right after the first purchase, so the longer a one-time buyer stays silent the less likely"
					+ " they are still active, 39% here.")));
		this.mvc.perform(get("/customers/C-1").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该客户仅购买过一次（325天前）：MBG/NBD 允许客户在首次购买后即流失")))
			.andExpect(content().string(not(containsString("??"))));
	}

	private static CustomerProfile oneTimeBuyer(Customer customer, String method, double alive, String reason) {
		CustomerSegment segment = new CustomerSegment(3, LocalDate.of(2025, 6, 30), 1, "ABC:C", "C", 2344.3, 700, 0.99,
				null, 325, 1, 2344.3, 1, 1, 1, "GENERAL_RETAIN", null, 2344.3, 310.2, method, alive, 0.15, 2344.3, 700,
				"LOW", reason);
		return new CustomerProfile(customer, null,
				new OrderTotals(1L, new BigDecimal("2344.30"), new BigDecimal("200"), null, null), List.of(), 1,
				List.of(), segment, List.of(), null, NO_CADENCE, false);
	}

	@Test
	void detailShowsTheServicePolicyOfTheCustomersTier() throws Exception {
		given(this.profiles.find("C-1", AccessScope.own(7))).willReturn(Optional.of(profileWithPolicy()));
		this.mvc.perform(get("/customers/C-1").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"customer-policy-terms\"")))
			.andExpect(content().string(containsString("A 类（重点客户）")))
			.andExpect(content().string(containsString("每 14 天")))
			.andExpect(content().string(containsString("上门拜访 · 微信")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void apiIncludesThePolicyInForce() throws Exception {
		given(this.profiles.find(eq("C-1"), any())).willReturn(Optional.of(profileWithPolicy()));
		this.mvc.perform(get("/api/v1/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policy.tier.code").value("ABC:A"))
			.andExpect(jsonPath("$.policy.current.version").value(3))
			.andExpect(jsonPath("$.policy.current.terms.contactCadenceDays").value(14));
	}

	@Test
	void apiNeedsBasicAuthentication() throws Exception {
		this.mvc.perform(get("/api/v1/customers")).andExpect(status().isUnauthorized());
	}

	@Test
	void apiReturnsNotFoundAsProblemJson() throws Exception {
		given(this.profiles.find(eq("C-OTHER"), any())).willReturn(Optional.empty());
		this.mvc.perform(get("/api/v1/customers/C-OTHER").with(user(REP)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void apiListsAPageWithEachCustomersTierFields() throws Exception {
		given(this.tiered.search(any(), eq(AccessScope.own(7))))
			.willReturn(new TieredPage(List.of(tieredRow()), "abc", null));
		this.mvc.perform(get("/api/v1/customers").param("region", "EAST").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value("C-1"))
			.andExpect(jsonPath("$.items[0].phone").value("13800000000"))
			.andExpect(jsonPath("$.items[0].phoneDisplay").value("138 0000 0000"))
			.andExpect(jsonPath("$.items[0].tier").value("ABC:A"))
			.andExpect(jsonPath("$.items[0].rfmSegment").value("IMPORTANT_VALUE"))
			.andExpect(jsonPath("$.items[0].clvPredicted").value(7200.0))
			.andExpect(jsonPath("$.items[0].probabilityAlive").value(0.91))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.next").value("abc"));
	}

	@Test
	void apiFiltersByTierClassesAndBandWithinTheCallersScope() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(tieredRow()), null, null));
		this.mvc
			.perform(get("/api/v1/customers").param("tier", "ABC:A")
				.param("abc", "A")
				.param("rfm", "IMPORTANT_VALUE")
				.param("clv", "HIGH")
				.param("alive", "HIGH")
				.param("sort", "MONETARY_DESC")
				.with(user(REP)))
			.andExpect(status().isOk());
		then(this.tiered).should()
			.search(argThat((criteria) -> "ABC:A".equals(criteria.tier()) && "A".equals(criteria.abcClass())
					&& "IMPORTANT_VALUE".equals(criteria.rfmSegment()) && "HIGH".equals(criteria.clvClass())
					&& criteria.alive() == AliveBand.HIGH && criteria.sort() == TieredSort.MONETARY_DESC),
					eq(AccessScope.own(7)));
	}

	@Test
	void apiAndPageAskTheSearchTheSameForTheSameQuery() throws Exception {
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(tieredRow()), null, null));
		String[][] query = { { "q", "王" }, { "owner", "7" }, { "region", "EAST" }, { "industry", "RETAIL" },
				{ "tier", "ABC:B" }, { "abc", "B" }, { "rfm", "IMPORTANT_VALUE" }, { "clv", "HIGH" },
				{ "alive", "LOW" }, { "sort", "RECENCY_ASC" }, { "cursor", "c1" }, { "size", "7" } };
		MockHttpServletRequestBuilder page = get("/customers").with(user(REP));
		MockHttpServletRequestBuilder api = get("/api/v1/customers").with(user(REP));
		for (String[] parameter : query) {
			page.param(parameter[0], parameter[1]);
			api.param(parameter[0], parameter[1]);
		}
		this.mvc.perform(page).andExpect(status().isOk());
		this.mvc.perform(api).andExpect(status().isOk());
		ArgumentCaptor<TieredCriteria> criteria = ArgumentCaptor.forClass(TieredCriteria.class);
		then(this.tiered).should(times(2)).search(criteria.capture(), eq(AccessScope.own(7)));
		assertThat(criteria.getAllValues().get(1)).isEqualTo(criteria.getAllValues().get(0));
		assertThat(criteria.getAllValues().get(0).alive()).isEqualTo(AliveBand.LOW);
	}

	@Test
	void apiRejectsInvalidParametersAndNamesTheAllowedValues() throws Exception {
		this.mvc.perform(get("/api/v1/customers").param("sort", "DROP TABLE").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString(
					"NAME_ASC, NAME_DESC, CODE_ASC, CODE_DESC, NEWEST, MONETARY_DESC, RECENCY_ASC, CLV_DESC")))
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].rejectedValue").value("DROP TABLE"))
			.andExpect(jsonPath("$.errors[0].allowed[0]").value("NAME_ASC"))
			.andExpect(jsonPath("$.errors[0].allowed[7]").value("CLV_DESC"));
		this.mvc.perform(get("/api/v1/customers").param("size", "lots").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("from 1 to 200")))
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].minimum").value(1))
			.andExpect(jsonPath("$.errors[0].maximum").value(200));
		this.mvc
			.perform(get("/api/v1/customers").param("size", "lots").header("Accept-Language", "zh-CN").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("1 到 200 之间的整数")));
		then(this.tiered).should(org.mockito.Mockito.never()).search(any(), any());
	}

	@Test
	void apiNamesTheTiersClassesAndBandsAllowedInTheCallersLanguage() throws Exception {
		this.mvc.perform(get("/api/v1/customers").param("tier", "ABC:Z").param("alive", "SOME").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("tier (allowed: ABC:A, ABC:B)")))
			.andExpect(jsonPath("$.detail").value(containsString("alive (allowed: LOW, MEDIUM, HIGH)")))
			.andExpect(jsonPath("$.errors[?(@.field == 'tier')].rejectedValue").value("ABC:Z"))
			.andExpect(jsonPath("$.errors[?(@.field == 'tier')].allowed[1]").value("ABC:B"));
		this.mvc
			.perform(get("/api/v1/customers").param("abc", "Q")
				.param("rfm", "nope")
				.param("clv", "TOP")
				.header("Accept-Language", "zh-CN")
				.with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("abc（可选值：A, B）")))
			.andExpect(jsonPath("$.detail").value(containsString("rfm（可选值：IMPORTANT_VALUE）")))
			.andExpect(jsonPath("$.detail").value(containsString("clv（可选值：HIGH）")));
		then(this.tiered).should(org.mockito.Mockito.never()).search(any(), any());
	}

	@Test
	void apiForgedCursorIsA400InTheCallersLanguage() throws Exception {
		given(this.tiered.search(any(), any())).willThrow(InvalidListCursorException.class);
		this.mvc.perform(
				get("/api/v1/customers").param("cursor", "garbage").header("Accept-Language", "zh-CN").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("该分页链接无效或已过期，请从第一页重新开始。"))
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
	}

	@Test
	void apiWithWrongPasswordIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/customers").with(httpBasic("nobody", "wrong")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void everyUnauthorizedApiAnswerIsAProblemDetail() throws Exception {
		for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/customers"),
				get("/api/v1/customers").accept(MediaType.TEXT_HTML),
				get("/api/v1/customers").with(httpBasic("nobody", "wrong")),
				get("/api/v1/customers").header("Authorization", "Bearer tcrm_unknown"),
				get("/api/v1/customers").header("Authorization", "Bearer"),
				get("/api/v1/customers").header("Authorization", "Digest x"), get("/api/v1/nothing-here"),
				put("/api/v1/tiers/ABC:A/policy").contentType(MediaType.APPLICATION_JSON).content("{}"))) {
			this.mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(401));
		}
	}

	private static CustomerProfile profileWithPolicy() {
		Customer customer = new Customer("C-1", "王小明", CustomerType.INDIVIDUAL);
		PolicyTerms terms = new PolicyTerms(new BigDecimal("10"), new BigDecimal("500000"), 60, 4, 14, true,
				EnumSet.of(ServiceChannel.VISIT, ServiceChannel.WECHAT), "VIP hotline");
		TierPolicy policy = new TierPolicy(new Tier("ABC:A", "ABC", "A", 1, "A – key customers", "A 类（重点客户）"),
				new PolicyVersion(3, terms, "mgr", Instant.parse("2026-01-01T00:00:00Z"), List.of()));
		return new CustomerProfile(customer, "Rep Seven",
				new OrderTotals(3L, new BigDecimal("1234.50"), new BigDecimal("300.00"), null, null), List.of(), 3,
				List.of(), null, List.of(), policy,
				ContactDue.of(Instant.parse("2026-01-01T00:00:00Z"), 14, Instant.parse("2026-02-01T00:00:00Z")), false);
	}

	private static TieredCustomer tieredRow() {
		return new TieredCustomer(1, "C-1", "王小明", "INDIVIDUAL", "13800000000", "138 0000 0000", "EAST", "上海", "RETAIL",
				7L, "Rep Seven", "ACTIVE", Instant.parse("2024-01-01T00:00:00Z"), "ABC:A", "A", "IMPORTANT_VALUE",
				"HIGH", 5000.0, 12, 7200.0, 0.91);
	}

}
