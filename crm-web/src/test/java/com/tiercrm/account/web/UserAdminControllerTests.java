package com.tiercrm.account.web;

import java.util.List;

import com.tiercrm.account.AccountChangeRefusedException;
import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.AccountManagement.NewUser;
import com.tiercrm.account.AccountManagement.UserChange;
import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.User;
import com.tiercrm.account.UserEditConflictException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.LoginThrottle;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
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

@WebMvcTest(UserAdminController.class)
@Import(WebSliceConfiguration.class)
class UserAdminControllerTests {

	private static final CrmUser ADMIN = TestUsers.principal(1, "admin", Role.ADMIN);

	private static final CrmUser REP = TestUsers.principal(2, "rep", Role.SALES_REP);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountManagement accounts;

	@Autowired
	private LoginThrottle throttle;

	@Test
	void adminSeesALockedUserAndUnlocksIt() throws Exception {
		for (int i = 0; i < 10; i++) {
			this.throttle.failed("locked-rep", "10.0.0." + i);
		}
		given(this.accounts.allUsers()).willReturn(List.of(TestUsers.user(3, "locked-rep", Role.SALES_REP)));
		given(this.accounts.find(3)).willReturn(TestUsers.user(3, "locked-rep", Role.SALES_REP));
		this.mvc.perform(get("/admin/users").with(user(ADMIN)))
			.andExpect(content().string(containsString("user-locked")))
			.andExpect(content().string(containsString("/admin/users/3/unlock")));
		this.mvc.perform(post("/admin/users/3/unlock").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("message", "user.unlocked.done"));
		assertThat(this.throttle.locked("locked-rep")).isFalse();
	}

	@Test
	void repsCannotManageUsers() throws Exception {
		this.mvc.perform(get("/admin/users").with(user(REP))).andExpect(status().isForbidden());
	}

	@Test
	void adminSeesTheUserList() throws Exception {
		given(this.accounts.allUsers()).willReturn(List.of(TestUsers.user(2, "rep", Role.SALES_REP)));
		this.mvc.perform(get("/admin/users").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("user-rep")));
	}

	@Test
	void processCreationFormSuccess() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").with(user(ADMIN))
				.with(csrf())
				.param("username", "newrep")
				.param("displayName", "新销售")
				.param("role", "SALES_REP")
				.param("teamId", "")
				.param("password", "three blue herons")
				.param("passwordConfirmation", "three blue herons"))
			.andExpect(model().hasNoErrors())
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("message", "user.created"));
		then(this.accounts).should()
			.createUser(new NewUser("newrep", "新销售", Role.SALES_REP, null, false, "three blue herons"));
	}

	@Test
	void processCreationFormHasErrors() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").with(user(ADMIN))
				.with(csrf())
				.param("lang", "zh-CN")
				.param("username", "bad name!")
				.param("displayName", "")
				.param("role", "SALES_REP")
				.param("password", "short")
				.param("passwordConfirmation", "other"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/form"))
			.andExpect(model().attributeHasFieldErrors("userForm", "username", "displayName", "password",
					"passwordConfirmation"))
			.andExpect(content().string(containsString("两次输入的密码不一致")))
			.andExpect(content().string(containsString("此项为必填项")));
		then(this.accounts).should(org.mockito.Mockito.never()).createUser(any());
	}

	@Test
	void commonAndShortPasswordsAreRefusedInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").with(user(ADMIN))
				.with(csrf())
				.param("username", "newrep")
				.param("displayName", "New rep")
				.param("role", "SALES_REP")
				.param("password", "qwertyqwerty")
				.param("passwordConfirmation", "qwertyqwerty"))
			.andExpect(model().attributeHasFieldErrorCode("userForm", "password", "password.common"))
			.andExpect(content().string(containsString("one of the most common passwords")));
		given(this.accounts.find(2)).willReturn(TestUsers.user(2, "rep", Role.SALES_REP));
		this.mvc
			.perform(post("/admin/users/2/password").with(user(ADMIN))
				.with(csrf())
				.param("lang", "zh-CN")
				.param("password", "password")
				.param("passwordConfirmation", "password"))
			.andExpect(model().attributeHasFieldErrors("passwordForm", "password"))
			.andExpect(content().string(containsString("12")));
		then(this.accounts).should(org.mockito.Mockito.never()).createUser(any());
		then(this.accounts).should(org.mockito.Mockito.never())
			.resetPassword(org.mockito.ArgumentMatchers.anyLong(), any());
	}

	@Test
	void adminRequiresAPasswordChange() throws Exception {
		given(this.accounts.find(2)).willReturn(TestUsers.user(2, "rep", Role.SALES_REP));
		this.mvc.perform(post("/admin/users/2/require-password-change").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("message", "user.passwordChangeRequired.done"));
		then(this.accounts).should().requirePasswordChange(2);
	}

	@Test
	void adminEditsAUsersTeam() throws Exception {
		User rep = TestUsers.user(2, "rep", Role.SALES_REP);
		given(this.accounts.find(2)).willReturn(rep);
		given(this.accounts.allTeams()).willReturn(List.of(team(5, "East"), team(6, "West")));
		this.mvc.perform(get("/admin/users/2/edit").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"version\" id=\"version\" value=\"0\"")))
			.andExpect(content().string(containsString("West")));
		this.mvc
			.perform(post("/admin/users/2/edit").with(user(ADMIN))
				.with(csrf())
				.param("displayName", "Li Lei")
				.param("role", "SALES_REP")
				.param("teamId", "6")
				.param("version", "0"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("message", "user.updated"));
		then(this.accounts).should().updateUser(2, new UserChange("Li Lei", Role.SALES_REP, 6L, false, 0), 1);
	}

	@Test
	void aRefusedEditSaysWhyNextToTheFieldInTheAdminsLanguageAndKeepsTheInput() throws Exception {
		given(this.accounts.find(2)).willReturn(TestUsers.user(2, "rep", Role.SALES_REP));
		given(this.accounts.updateUser(anyLong(), any(), anyLong()))
			.willThrow(refusal("teamId", "user.rule.repNeedsTeam"));
		this.mvc
			.perform(post("/admin/users/2/edit").with(user(ADMIN))
				.with(csrf())
				.param("lang", "zh-CN")
				.param("displayName", "李雷")
				.param("role", "SALES_REP")
				.param("teamId", "")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("userEditForm", "teamId", "user.rule.repNeedsTeam"))
			.andExpect(content().string(containsString("销售代表必须属于一个团队")))
			.andExpect(content().string(containsString("value=\"李雷\"")));
		willThrow(refusal("headOfSales", "user.rule.headOfSalesManagersOnly")).given(this.accounts)
			.updateUser(anyLong(), any(), anyLong());
		this.mvc
			.perform(post("/admin/users/2/edit").with(user(ADMIN))
				.with(csrf())
				.param("displayName", "Li Lei")
				.param("role", "SALES_REP")
				.param("teamId", "5")
				.param("headOfSales", "true")
				.param("version", "0"))
			.andExpect(content().string(containsString("Only a manager can be head of sales.")));
		willThrow(refusal("role", "user.rule.leadsTeams", "East, West")).given(this.accounts)
			.updateUser(anyLong(), any(), anyLong());
		this.mvc
			.perform(post("/admin/users/2/edit").with(user(ADMIN))
				.with(csrf())
				.param("displayName", "Li Lei")
				.param("role", "ADMIN")
				.param("version", "0"))
			.andExpect(content().string(containsString("This manager leads East, West")));
	}

	@Test
	void aConflictingEditShowsTheOtherEditKeepsTheInputAndTakesTheNewVersion() throws Exception {
		User rep = TestUsers.user(2, "rep", Role.SALES_REP);
		given(this.accounts.find(2)).willReturn(rep);
		User changed = TestUsers.user(2, "rep", Role.SALES_REP);
		changed.setDisplayName("Changed elsewhere");
		org.springframework.test.util.ReflectionTestUtils.setField(changed, "version", 3L);
		given(this.accounts.updateUser(anyLong(), any(), anyLong())).willThrow(new UserEditConflictException(changed));
		this.mvc
			.perform(post("/admin/users/2/edit").with(user(ADMIN))
				.with(csrf())
				.param("displayName", "My edit")
				.param("role", "SALES_REP")
				.param("teamId", "5")
				.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this user")))
			.andExpect(content().string(containsString("Changed elsewhere")))
			.andExpect(content().string(containsString("value=\"My edit\"")))
			.andExpect(content().string(containsString("name=\"version\" id=\"version\" value=\"3\"")));
	}

	@Test
	void anAdminWhoDeactivatesThemselvesIsToldWhyNot() throws Exception {
		given(this.accounts.setEnabled(1, false, 1)).willThrow(refusal(null, "user.rule.deactivateSelf"));
		this.mvc.perform(post("/admin/users/1/enabled").with(user(ADMIN)).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("refusal", "user.rule.deactivateSelf"));
		given(this.accounts.setEnabled(2, false, 1)).willReturn(TestUsers.user(2, "rep", Role.SALES_REP));
		this.mvc.perform(post("/admin/users/2/enabled").with(user(ADMIN)).with(csrf()).param("enabled", "false"))
			.andExpect(flash().attribute("message", "user.disabled.done"));
		given(this.accounts.allUsers()).willReturn(List.of());
		this.mvc
			.perform(get("/admin/users").with(user(ADMIN))
				.param("lang", "zh-CN")
				.flashAttr("refusal", "user.rule.lastAdmin")
				.flashAttr("refusalArgs", List.of()))
			.andExpect(content().string(containsString("这是最后一个启用的管理员")));
	}

	static AccountChangeRefusedException refusal(String field, String reason, String... arguments) {
		return new AccountChangeRefusedException(field, reason, arguments);
	}

	static Team team(long id, String name) {
		Team team = new Team(name, null);
		org.springframework.test.util.ReflectionTestUtils.setField(team, "id", id);
		return team;
	}

	@Test
	void postWithoutCsrfTokenIsRejected() throws Exception {
		this.mvc.perform(post("/admin/users/new").with(user(ADMIN)).param("username", "x"))
			.andExpect(status().isForbidden());
	}

}
