package com.tiercrm.account.web;

import java.util.List;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TeamAdminController.class)
@Import(WebSliceConfiguration.class)
class TeamAdminControllerTests {

	private static final CrmUser ADMIN = TestUsers.principal(1, "admin", Role.ADMIN);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountManagement accounts;

	@Test
	void adminSeesTeamsWithTheirManagerAndMembers() throws Exception {
		User manager = TestUsers.user(3, "mgr", Role.MANAGER);
		User rep = TestUsers.user(4, "rep", Role.SALES_REP);
		rep.setTeamId(5L);
		given(this.accounts.allUsers()).willReturn(List.of(manager, rep));
		var team = UserAdminControllerTests.team(5, "East");
		team.setManagerId(3L);
		given(this.accounts.allTeams()).willReturn(List.of(team));
		this.mvc.perform(get("/admin/teams").with(user(ADMIN)).param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("East")))
			.andExpect(content().string(containsString("Display mgr")))
			.andExpect(content().string(containsString("成员数")));
		this.mvc.perform(get("/admin/teams").with(user(TestUsers.principal(4, "rep", Role.SALES_REP))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aTakenNameIsRefusedOnTheFormAndAValidTeamIsCreated() throws Exception {
		given(this.accounts.createTeam("East", null))
			.willThrow(UserAdminControllerTests.refusal("name", "team.rule.nameTaken"));
		this.mvc.perform(post("/admin/teams/new").with(user(ADMIN)).with(csrf()).param("name", "East"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("teamForm", "name", "team.rule.nameTaken"))
			.andExpect(content().string(containsString("A team of this name already exists.")));
		this.mvc
			.perform(post("/admin/teams/new").with(user(ADMIN))
				.with(csrf())
				.param("name", " North ")
				.param("managerId", "3"))
			.andExpect(redirectedUrl("/admin/teams"))
			.andExpect(flash().attribute("message", "team.created"));
		then(this.accounts).should().createTeam(" North ", 3L);
	}

	@Test
	void aTeamWithMembersIsNotRemovedAndTheAdminIsToldWhyInTheirLanguage() throws Exception {
		given(this.accounts.removeTeam(5))
			.willThrow(UserAdminControllerTests.refusal(null, "team.rule.notEmpty", "East", "2"));
		this.mvc.perform(post("/admin/teams/5/remove").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/teams"))
			.andExpect(flash().attribute("refusal", "team.rule.notEmpty"))
			.andExpect(flash().attribute("refusalArgs", List.of("East", "2")));
		given(this.accounts.allTeams()).willReturn(List.of());
		this.mvc
			.perform(get("/admin/teams").with(user(ADMIN))
				.param("lang", "zh-CN")
				.flashAttr("refusal", "team.rule.notEmpty")
				.flashAttr("refusalArgs", List.of("East", "2")))
			.andExpect(content().string(containsString("团队 East 还有 2 名成员")));
	}

}
