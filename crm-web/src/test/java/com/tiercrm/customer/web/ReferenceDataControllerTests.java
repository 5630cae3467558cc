package com.tiercrm.customer.web;

import java.util.Locale;

import com.tiercrm.account.Role;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceEntryConflictException;
import com.tiercrm.customer.ReferenceKind;
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
import static org.mockito.ArgumentMatchers.any;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReferenceDataController.class)
@Import(WebSliceConfiguration.class)
class ReferenceDataControllerTests {

	private static final CrmUser ADMIN = TestUsers.principal(1, "admin", Role.ADMIN);

	private static final CrmUser MANAGER = TestUsers.principal(2, "boss", Role.MANAGER);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ReferenceData references;

	@BeforeEach
	void stub() {
		TestReferences.stub(this.references);
		given(this.references.nextSortOrder(any())).willReturn(30);
	}

	@Test
	void onlyAdminsSeeTheEntriesWithBothNames() throws Exception {
		this.mvc.perform(get("/admin/industries").with(user(MANAGER))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/industries").locale(Locale.SIMPLIFIED_CHINESE).with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>Automotive</td>")))
			.andExpect(content().string(containsString("<td>汽车</td>")))
			.andExpect(content().string(containsString("新增条目")));
	}

	@Test
	void addsAnEntryWithItsCodeInUpperCase() throws Exception {
		this.mvc
			.perform(post("/admin/regions").param("code", "west_europe")
				.param("englishName", "Western Europe")
				.param("chineseName", "西欧")
				.param("sortOrder", "80")
				.with(csrf())
				.with(user(ADMIN)))
			.andExpect(redirectedUrl("/admin/regions"))
			.andExpect(flash().attribute("message", "reference.created"));
		then(this.references).should()
			.create(ReferenceKind.REGION, new ReferenceEntry("WEST_EUROPE", "Western Europe", "西欧", 80));
	}

	@Test
	void badInputComesBackWithTheReasonsAsA400() throws Exception {
		this.mvc
			.perform(post("/admin/regions").param("code", "WEST EUROPE")
				.param("englishName", "")
				.param("chineseName", "西欧")
				.param("sortOrder", "-1")
				.with(csrf())
				.with(user(ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Contains characters that are not allowed.")))
			.andExpect(content().string(containsString("This field is required.")))
			.andExpect(content().string(containsString("Must be at least 0.")));
		this.mvc
			.perform(post("/admin/regions").param("code", "WEST")
				.param("englishName", "West")
				.param("chineseName", "西")
				.param("sortOrder", "x")
				.with(csrf())
				.with(user(ADMIN)))
			.andExpect(status().isBadRequest());
		then(this.references).should(never()).create(any(), any());
	}

	@Test
	void aNameAnotherEntryHasIsRefused() throws Exception {
		willThrow(new ReferenceEntryConflictException("reference.error.nameTaken", "华东")).given(this.references)
			.update(any(), any());
		this.mvc
			.perform(post("/admin/regions/NORTH/edit").param("englishName", "North China")
				.param("chineseName", "华东")
				.param("sortOrder", "20")
				.with(csrf())
				.with(user(ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("华东 is already the code or a name of another entry.")));
	}

	@Test
	void renamesAnEntryKeepingItsCode() throws Exception {
		this.mvc.perform(get("/admin/industries/RETAIL/edit").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"零售\"")));
		this.mvc
			.perform(post("/admin/industries/RETAIL/edit").param("code", "OTHER")
				.param("englishName", "Retail trade")
				.param("chineseName", "零售业")
				.param("sortOrder", "5")
				.with(csrf())
				.with(user(ADMIN)))
			.andExpect(redirectedUrl("/admin/industries"));
		then(this.references).should()
			.update(ReferenceKind.INDUSTRY, new ReferenceEntry("RETAIL", "Retail trade", "零售业", 5));
	}

	@Test
	void anUnknownEntryIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/industries/NOPE/edit").with(user(ADMIN))).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/planets").with(user(ADMIN))).andExpect(status().isNotFound());
	}

}
