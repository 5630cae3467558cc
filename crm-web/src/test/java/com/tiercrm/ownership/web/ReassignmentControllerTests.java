package com.tiercrm.ownership.web;

import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.OwnerOption;
import com.tiercrm.account.Role;
import com.tiercrm.ownership.CustomerOutOfScopeException;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.ownership.OwnerNotAllowedException;
import com.tiercrm.ownership.Reassignment;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(ReassignmentController.class)
@Import(WebSliceConfiguration.class)
class ReassignmentControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	private static final CrmUser ADMIN = TestUsers.principal(1, "admin", Role.ADMIN);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CustomerReassignments reassignments;

	@Test
	void aRepCannotReassignAnything() throws Exception {
		this.mvc.perform(post("/customers/C1/owner").with(user(REP)).with(csrf()).param("newOwner", "9"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Only managers, the head of sales and admins")));
		this.mvc.perform(
				post("/customers/reassign").with(user(REP)).with(csrf()).param("customer", "C1").param("newOwner", "9"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/customers/reassign").with(user(REP)).param("region", "EAST"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/customers/reassign/filter").with(user(REP)).with(csrf()).param("newOwner", "9"))
			.andExpect(status().isForbidden());
		then(this.reassignments).should(never()).reassignOne(any(), anyLong(), any());
		then(this.reassignments).should(never()).reassignMatching(any(), anyLong(), any());
	}

	@Test
	void aCustomerOutsideTheManagersTeamsIsNotFoundAndAnOwnerOutsideThemABadRequest() throws Exception {
		willThrow(new CustomerOutOfScopeException("C9")).given(this.reassignments)
			.reassignOne(eq("C9"), anyLong(), any());
		this.mvc.perform(post("/customers/C9/owner").with(user(MANAGER)).with(csrf()).param("newOwner", "9"))
			.andExpect(status().isNotFound());
		willThrow(new OwnerNotAllowedException(99L)).given(this.reassignments).reassignOne(eq("C1"), eq(99L), any());
		this.mvc
			.perform(post("/customers/C1/owner").with(user(MANAGER))
				.with(csrf())
				.param("newOwner", "99")
				.param("lang", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("客户只能分配给您团队内已启用的销售代表或经理")));
	}

	@Test
	void aManagerReassignsOneCustomerAndGoesBackToItsPage() throws Exception {
		given(this.reassignments.reassignOne("C1", 9L, MANAGER.scope()))
			.willReturn(new Reassignment(5, 9, "Wang rep", 1));
		this.mvc.perform(post("/customers/C1/owner").with(user(MANAGER)).with(csrf()).param("newOwner", "9"))
			.andExpect(redirectedUrl("/customers/C1"))
			.andExpect(flash().attribute("reassigned", new Reassignment(5, 9, "Wang rep", 1)));
	}

	@Test
	void tickedCustomersAreReassignedAndTheListKeepsItsFilter() throws Exception {
		given(this.reassignments.reassignSelected(List.of("C1", "C2"), 9L, ADMIN.scope()))
			.willReturn(new Reassignment(6, 9, "Wang rep", 2));
		this.mvc
			.perform(post("/customers/reassign").with(user(ADMIN))
				.with(csrf())
				.param("customer", "C1", "C2")
				.param("newOwner", "9")
				.param("back", "region=EAST"))
			.andExpect(redirectedUrl("/customers?region=EAST"))
			.andExpect(flash().attribute("reassigned", new Reassignment(6, 9, "Wang rep", 2)));
		this.mvc.perform(post("/customers/reassign").with(user(ADMIN)).with(csrf()).param("newOwner", "9"))
			.andExpect(redirectedUrl("/customers"))
			.andExpect(flash().attribute("reassignError", "ownership.noneSelected"));
	}

	@Test
	void reassigningAFilterSaysHowManyCustomersMatchBeforeMovingThem() throws Exception {
		given(this.reassignments.countMatching(any(), eq(ADMIN.scope()))).willReturn(12_345L);
		given(this.reassignments.targets(ADMIN.scope())).willReturn(List.of(new OwnerOption(9, "王销售")));
		this.mvc.perform(get("/customers/reassign").with(user(ADMIN)).param("region", "EAST").param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(view().name("ownership/confirm"))
			.andExpect(content().string(containsString("有 12,345 位客户符合此筛选条件")))
			.andExpect(content().string(containsString("name=\"region\" value=\"EAST\"")))
			.andExpect(content().string(containsString("王销售")));

		this.mvc
			.perform(post("/customers/reassign/filter").with(user(ADMIN))
				.with(csrf())
				.param("region", "EAST")
				.param("tier", "ABC:A"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("reassign", "newOwner"))
			.andExpect(content().string(containsString("Choose who gets these customers.")));
		then(this.reassignments).should(never()).reassignMatching(any(), anyLong(), any());

		given(this.reassignments.reassignMatching(any(), eq(9L), eq(ADMIN.scope())))
			.willReturn(new Reassignment(7, 9, "王销售", 12_345));
		this.mvc
			.perform(post("/customers/reassign/filter").with(user(ADMIN))
				.with(csrf())
				.param("region", "EAST")
				.param("tier", "ABC:A")
				.param("newOwner", "9"))
			.andExpect(redirectedUrl("/customers?region=EAST&tier=ABC%3AA"));
		ArgumentCaptor<TieredCriteria> criteria = ArgumentCaptor.forClass(TieredCriteria.class);
		then(this.reassignments).should().reassignMatching(criteria.capture(), eq(9L), eq(AccessScope.all(1)));
		assertThat(criteria.getValue()).isEqualTo(new TieredCriteria(null, null, "EAST", null, "ABC:A", null, null,
				null, null, TieredSort.NAME_ASC, null, 1));
	}

}
