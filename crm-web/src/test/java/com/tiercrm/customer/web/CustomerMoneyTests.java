package com.tiercrm.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.tiercrm.contact.Contacts;
import com.tiercrm.savedview.SavedViews;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.order.OrderTotals;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredPage;
import com.tiercrm.web.TestReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An installation whose sales are in pounds (the Online Retail data) shows pounds on the
 * customer pages and says so in the API.
 */
@WebMvcTest(controllers = { CustomerController.class, CustomerApiController.class },
		properties = "tiercrm.sales.currency=GBP")
@Import({ WebSliceConfiguration.class, CustomerWords.class })
class CustomerMoneyTests {

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
	private SavedViews savedViews;

	@MockitoBean(name = "contacts")
	private Contacts contacts;

	@MockitoBean(name = "tierLabels")
	private TierLabels tierLabels;

	@MockitoBean(name = "customerHistory")
	private CustomerHistory customerHistory;

	@BeforeEach
	void stub() {
		TestReferences.stub(this.references);
		given(this.tiered.filterOptions())
			.willReturn(new TierFilterOptions(List.of(), List.of(), List.of(), List.of(), 0.3));
		given(this.tiered.search(any(), any())).willReturn(new TieredPage(List.of(new TieredCustomer(1, "C-1", "Alpha",
				"ENTERPRISE", null, null, "EAST", "London", "RETAIL", 7L, "Rep Seven", "ACTIVE",
				Instant.parse("2024-01-01T00:00:00Z"), null, null, null, null, 5000.0, 12, 7200.0, 0.91)), null, null));
		Customer customer = new Customer("C-1", "Alpha", CustomerType.ENTERPRISE);
		customer.locate(null, "London", "EAST");
		customer.setIndustry("RETAIL");
		given(this.profiles.find(eq("C-1"), any())).willReturn(Optional.of(new CustomerProfile(customer, "Rep Seven",
				new OrderTotals(3L, new BigDecimal("1234.50"), new BigDecimal("300.00"), null, null), List.of(), 3,
				List.of(), null, List.of(), null, ContactDue.of(null, null, Instant.EPOCH), false)));
	}

	@Test
	void listAndCustomerPageShowPounds() throws Exception {
		this.mvc.perform(get("/customers").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("£5,000.00")))
			.andExpect(content().string(containsString("£7,200.00")))
			.andExpect(content().string(not(containsString("¥"))));
		this.mvc.perform(get("/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("£1,234.50")))
			.andExpect(content().string(containsString("East China")))
			.andExpect(content().string(not(containsString("¥"))));
	}

	@Test
	void theApiSaysWhichCurrencyItsAmountsAreIn() throws Exception {
		this.mvc.perform(get("/api/v1/customers/C-1").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("GBP"))
			.andExpect(jsonPath("$.totals.currency").value("GBP"))
			.andExpect(jsonPath("$.totals.revenue").value(1234.5))
			.andExpect(jsonPath("$.region").value("EAST"))
			.andExpect(jsonPath("$.regionName").value("East China"))
			.andExpect(jsonPath("$.industryName").value("Retail"));
		this.mvc.perform(get("/api/v1/customers").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("GBP"))
			.andExpect(jsonPath("$.items[0].monetary").value(5000.0));
	}

}
