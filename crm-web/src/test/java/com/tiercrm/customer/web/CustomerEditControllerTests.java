package com.tiercrm.customer.web;

import java.util.List;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerChangeRefusedException;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.customer.DuplicateCandidate;
import com.tiercrm.customer.InvalidCustomerDetailsException;
import com.tiercrm.customer.LikelyDuplicatesException;
import com.tiercrm.customer.NoSuchCustomerException;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
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
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CustomerEditController.class)
@Import({ WebSliceConfiguration.class, CustomerWords.class, CustomerFormOptions.class, CustomerHistory.class })
class CustomerEditControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CustomerManagement management;

	@MockitoBean
	private CustomerRepository customers;

	@MockitoBean
	private ReferenceData references;

	@MockitoBean
	private ApiTokenManagement apiTokens;

	@MockitoBean(name = "tierLabels")
	private com.tiercrm.tiering.list.TierLabels tierLabels;

	@BeforeEach
	void stubReferences() {
		TestReferences.stub(this.references);
		given(this.management.details(any()))
			.willAnswer((invocation) -> com.tiercrm.customer.CustomerDetails.of(invocation.getArgument(0), null));
	}

	@Test
	void newCustomerFormOffersTheSegmentationBasesInTheUsersLanguage() throws Exception {
		this.mvc.perform(get("/customers/new").locale(java.util.Locale.SIMPLIFIED_CHINESE).with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"25-34\">25&ndash;34 岁</option>")))
			.andExpect(content().string(containsString("<option value=\"HIGH\">")))
			.andExpect(content().string(containsString("新建客户")));
	}

	@Test
	void invalidDetailsShowTheFormAgainWithTheInputAndTheReason() throws Exception {
		given(this.management.create(any(), any(), anyBoolean(), anyLong(), any()))
			.willThrow(new InvalidCustomerDetailsException(
					List.of(new InvalidCustomerDetailsException.Problem("phone", "customer.error.phone", "call me"))));
		this.mvc
			.perform(post("/customers/new").param("name", "Lina Li")
				.param("type", "INDIVIDUAL")
				.param("phone", "call me")
				.locale(java.util.Locale.ENGLISH)
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("value=\"Lina Li\"")))
			.andExpect(content().string(containsString("“call me” is not a phone number.")));
	}

	@Test
	void aBlankNameIsRefusedBeforeTheService() throws Exception {
		this.mvc
			.perform(post("/customers/new").param("name", " ").param("type", "ENTERPRISE").with(user(REP)).with(csrf()))
			.andExpect(status().isBadRequest());
		then(this.management).should(never()).create(any(), any(), anyBoolean(), anyLong(), any());
	}

	@Test
	void likelyDuplicatesAreListedAsLinksWithCreateAnyway() throws Exception {
		given(this.management.create(any(), any(), eq(false), anyLong(), any()))
			.willThrow(new LikelyDuplicatesException(
					List.of(new DuplicateCandidate("C0000042", "李娜", "上海", "rep 用户", true, false, false),
							new DuplicateCandidate(null, null, null, "王伟", false, true, false))));
		this.mvc
			.perform(post("/customers/new").param("name", "李娜")
				.param("type", "INDIVIDUAL")
				.locale(java.util.Locale.ENGLISH)
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("href=\"/customers/C0000042\"")))
			.andExpect(content().string(containsString("A customer of 王伟")))
			.andExpect(content().string(containsString("id=\"create-anyway\"")));
	}

	@Test
	void createdCustomersOpenTheirPage() throws Exception {
		Customer created = new Customer("C0000043", "李娜", CustomerType.INDIVIDUAL);
		given(this.management.create(any(), any(), eq(true), eq(7L), eq(AccessScope.own(7)))).willReturn(created);
		this.mvc
			.perform(post("/customers/new").param("name", "李娜")
				.param("type", "INDIVIDUAL")
				.param("allowDuplicate", "true")
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void anotherRepsCustomerIsNotFound() throws Exception {
		given(this.customers.findByCode("THEIRS", AccessScope.own(7))).willReturn(Optional.empty());
		given(this.management.setActive("THEIRS", false, 7, AccessScope.own(7)))
			.willThrow(new NoSuchCustomerException("THEIRS"));
		this.mvc.perform(get("/customers/THEIRS/edit").with(user(REP))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/customers/THEIRS/edit").param("name", "x")
				.param("type", "INDIVIDUAL")
				.param("version", "0")
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/customers/THEIRS/deactivate").with(user(REP)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRepCannotMerge() throws Exception {
		given(this.customers.findByCode("MINE", AccessScope.own(7)))
			.willReturn(Optional.of(new Customer("MINE", "Mine", CustomerType.ENTERPRISE)));
		given(this.management.merge("MINE", "OTHER", 7, AccessScope.own(7)))
			.willThrow(new CustomerChangeRefusedException("customer.error.mergeNotAllowed"));
		this.mvc
			.perform(post("/customers/MINE/merge").param("into", "OTHER")
				.locale(java.util.Locale.ENGLISH)
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only managers and admins may merge customers.")))
			.andExpect(content().string(not(containsString("redirect"))));
	}

}
