package com.tiercrm.book.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.OwnerOption;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.account.Role;
import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBook;
import com.tiercrm.book.RepBooks;
import com.tiercrm.book.RepWorkload;
import com.tiercrm.interaction.ContactDue;
import com.tiercrm.interaction.InteractionLog;
import com.tiercrm.interaction.InteractionType;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.list.TierLabels;
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
import static org.mockito.ArgumentMatchers.anyInt;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(BookController.class)
@Import({ WebSliceConfiguration.class, BookRows.class })
class BookControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(2, "mgr2", Role.MANAGER);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RepBooks books;

	@MockitoBean
	private InteractionLog interactions;

	@MockitoBean
	private OwnerOptions owners;

	@MockitoBean(name = "tierLabels")
	private TierLabels tierLabels;

	@BeforeEach
	void book() {
		Instant now = Instant.now();
		BookEntry overdue = new BookEntry(1, "C-1", "王小明", "ABC:A",
				ContactDue.of(now.minus(30, ChronoUnit.DAYS), 14, now));
		BookEntry fine = new BookEntry(2, "C-2", "Acme Ltd", "ABC:B", ContactDue.of(now, 30, now));
		given(this.books.book(eq(7L), any(), anyInt())).willReturn(new RepBook(7, List.of(overdue, fine), 2, 1, 1, 50));
		given(this.tierLabels.label(eq("ABC:B"), any())).willReturn("B – regular customers");
		given(this.owners.visibleTo(AccessScope.team(2)))
			.willReturn(List.of(new OwnerOption(2, "Display mgr2"), new OwnerOption(7, "Display rep7")));
		given(this.books.workloads(AccessScope.team(2))).willReturn(List.of(new RepWorkload(7, "Display rep7", 2, 1)));
	}

	@Test
	void repSeesTheirOwnBookOverdueFirst() throws Exception {
		this.mvc.perform(get("/book").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(view().name("book/index"))
			.andExpect(content().string(containsString("Overdue (1)")))
			.andExpect(content().string(containsString("B – regular customers")))
			.andExpect(content().string(containsString("王小明")))
			.andExpect(content().string(not(containsString("id=\"workloads\""))));
		then(this.books).should().book(7, AccessScope.own(7), 1);
		then(this.books).should(never()).workloads(any());
	}

	@Test
	void repCannotOpenAnotherRepsBook() throws Exception {
		this.mvc.perform(get("/book").param("rep", "9").with(user(REP))).andExpect(status().isOk());
		then(this.books).should().book(7, AccessScope.own(7), 1);
		then(this.books).should(never()).book(eq(9L), any(), anyInt());
	}

	@Test
	void managerSeesOverdueCountsPerRepInTheirScope() throws Exception {
		this.mvc.perform(get("/book").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"workloads\"")))
			.andExpect(content().string(containsString("各负责人逾期联系数")))
			.andExpect(content().string(containsString("Display rep7")));
		then(this.books).should(never()).book(anyLong(), any(), anyInt());
	}

	@Test
	void managerSeesTheBookOfARepInScope() throws Exception {
		this.mvc.perform(get("/book").param("rep", "7").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rep-picker\"")))
			.andExpect(content().string(containsString("已逾期（1）")))
			// The labels worked out once per page are in the user's language.
			.andExpect(content().string(containsString("<option value=\"VISIT\">拜访</option>")))
			.andExpect(content().string(containsString("href=\"/customers/C-1\"")))
			.andExpect(content().string(containsString("name=\"returnTo\" value=\"/book?rep=7&amp;page=1\"")));
		then(this.books).should().book(7, AccessScope.team(2), 1);
		then(this.books).should(never()).workloads(any());
	}

	@Test
	void managerAskingForARepOutsideTheirScopeGets404() throws Exception {
		this.mvc.perform(get("/book").param("rep", "99").with(user(MANAGER))).andExpect(status().isNotFound());
	}

	@Test
	void repPagesThroughTheirBook() throws Exception {
		given(this.books.book(eq(7L), any(), eq(2)))
			.willReturn(new RepBook(7, List.of(entry(51, "C-51")), 120, 40, 2, 50));
		this.mvc.perform(get("/book").param("page", "2").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 2 of 3")))
			.andExpect(content().string(containsString("(customers 51–51 of 120)")))
			.andExpect(content().string(containsString("href=\"/book?page=1\"")))
			.andExpect(content().string(containsString("href=\"/book?page=3\"")))
			.andExpect(content().string(containsString("aria-current=\"page\"")))
			.andExpect(content().string(containsString("name=\"page\" value=\"2\"")));
		then(this.books).should().book(7, AccessScope.own(7), 2);
	}

	@Test
	void managersPageLinksKeepTheRepInChinese() throws Exception {
		given(this.books.book(eq(7L), any(), eq(3)))
			.willReturn(new RepBook(7, List.of(entry(101, "C-101")), 101, 0, 3, 50));
		this.mvc.perform(get("/book").param("rep", "7").param("page", "3").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 3 页，共 3 页")))
			.andExpect(content().string(containsString("上一页")))
			.andExpect(content().string(containsString("href=\"/book?rep=7&amp;page=2\"")))
			.andExpect(content().string(not(containsString("page=4"))));
	}

	@Test
	void aSinglePageBookShowsNoPager() throws Exception {
		this.mvc.perform(get("/book").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"book-pages\""))));
	}

	@Test
	void aPageNumberThatIsNotOneOrMoreIsABadRequestInTheUsersLanguage() throws Exception {
		for (String page : List.of("0", "-1", "abc", "1.5", "99999999999")) {
			this.mvc.perform(get("/book").param("page", page).with(user(REP)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("page numbers are whole numbers from 1")));
		}
		this.mvc.perform(get("/book").param("page", "0").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("页码须为从 1 开始的整数")));
		this.mvc.perform(get("/book").param("rep", "x").with(user(MANAGER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The request could not be understood")));
		then(this.books).shouldHaveNoInteractions();
	}

	@Test
	void aPageBeyondTheLastIsLeftToTheBookToShowItsLast() throws Exception {
		given(this.books.book(eq(7L), any(), eq(40)))
			.willReturn(new RepBook(7, List.of(entry(51, "C-51")), 60, 0, 2, 50));
		this.mvc.perform(get("/book").param("page", "40").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 2 of 2")));
	}

	@Test
	void loggingAContactReturnsToThePageItWasLoggedOn() throws Exception {
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("type", "CALL")
				.param("page", "3")
				.with(user(REP))
				.with(csrf()))
			.andExpect(redirectedUrl("/book?page=3"));
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("type", "CALL")
				.param("rep", "7")
				.param("page", "2")
				.with(user(MANAGER))
				.with(csrf()))
			.andExpect(redirectedUrl("/book?rep=7&page=2"));
	}

	@Test
	void loggingAContactRedirectsBackToTheBook() throws Exception {
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("type", "VISIT")
				.param("notes", "Discussed the renewal")
				.param("satisfaction", "4")
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/book"))
			.andExpect(flash().attribute("message", "book.logged"));
		then(this.interactions).should()
			.log("C-1", InteractionType.VISIT, null, "Discussed the renewal", 4, 7, AccessScope.own(7));
	}

	@Test
	void aContactIsLoggedAtTheTimeEnteredInTheInstallationsZone() throws Exception {
		given(this.interactions.acceptable(any())).willReturn(true);
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("type", "CALL")
				.param("occurredAt", "2026-11-30T09:15")
				.with(user(REP))
				.with(csrf()))
			.andExpect(redirectedUrl("/book"));
		then(this.interactions).should()
			.log("C-1", InteractionType.CALL, Instant.parse("2026-11-30T01:15:00Z"), null, null, 7, AccessScope.own(7));
	}

	@Test
	void aContactDatedInTheFutureIsRefusedInTheUsersLanguageKeepingTheInput() throws Exception {
		given(this.interactions.acceptable(any())).willReturn(false);
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("type", "CALL")
				.param("notes", "Promised a call back")
				.param("occurredAt", "2099-01-01T10:00")
				.param("lang", "zh-CN")
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("interactionForm", "occurredAt"))
			.andExpect(content().string(containsString("联系时间不能晚于现在 5 分钟以上")))
			.andExpect(content().string(containsString("value=\"Promised a call back\"")))
			.andExpect(content().string(containsString("value=\"2099-01-01T10:00\"")));
		then(this.interactions).should(never()).log(any(), any(), any(), any(), any(), eq(7L), any());
	}

	@Test
	void managerLoggingForARepReturnsToThatRepsBook() throws Exception {
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("type", "CALL")
				.param("rep", "7")
				.with(user(MANAGER))
				.with(csrf()))
			.andExpect(redirectedUrl("/book?rep=7"));
	}

	@Test
	void invalidContactShowsTheBookWithErrorsInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(post("/book/interactions").param("customer", "C-1")
				.param("satisfaction", "9")
				.param("lang", "zh-CN")
				.with(user(REP))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("book/index"))
			.andExpect(model().attributeHasFieldErrors("interactionForm", "type", "satisfaction"))
			.andExpect(content().string(containsString("不能大于 5。")))
			.andExpect(content().string(containsString("此项为必填项。")));
		then(this.interactions).should(never()).log(any(), any(), any(), any(), any(), eq(7L), any());
	}

	@Test
	void loggingNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/book/interactions").param("customer", "C-1").param("type", "CALL").with(user(REP)))
			.andExpect(status().isForbidden());
	}

	private static BookEntry entry(long id, String code) {
		return new BookEntry(id, code, "Customer " + code, null, ContactDue.of(null, null, Instant.now()));
	}

}
