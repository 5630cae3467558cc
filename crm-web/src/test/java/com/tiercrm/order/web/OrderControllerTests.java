package com.tiercrm.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Role;
import com.tiercrm.order.CustomerOrders;
import com.tiercrm.order.InvalidOrderException;
import com.tiercrm.order.OrderConflictException;
import com.tiercrm.order.OrderInput;
import com.tiercrm.order.OrderManagement;
import com.tiercrm.order.OrderProblem;
import com.tiercrm.order.OrderRules;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.ScopedOrder;
import com.tiercrm.order.UnknownOrderCustomerException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
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

@WebMvcTest(OrderController.class)
@Import({ WebSliceConfiguration.class, OrderTimes.class })
class OrderControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrderManagement orders;

	@Test
	void aRecordedOrderReturnsToTheCustomerPageSayingWhenItCounts() throws Exception {
		given(this.orders.ofCustomer(eq("C-1"), any(), anyInt(), anyInt()))
			.willReturn(new CustomerOrders("C-1", "上海甲乙贸易有限公司", List.of(), 1, 1, 0));
		given(this.orders.record(any(), any())).willReturn(scoped(order(5, "CRM-000005", "12345.60", 0)));
		this.mvc.perform(form(post("/customers/C-1/orders"), "¥12,345.60", null))
			.andExpect(redirectedUrl("/customers/C-1#orders"))
			.andExpect(flash().attribute("orderMessage", "orders.recorded"))
			.andExpect(flash().attribute("orderNumber", "CRM-000005"))
			.andExpect(flash().attributeExists("nextRun"));
		then(this.orders).should()
			.record(new OrderInput("C-1", "", Instant.parse("2026-11-30T01:15:00Z"), "¥12,345.60", "", "", "COMPLETED",
					false), AccessScope.own(7));
	}

	@Test
	void aRefusedAmountComesBackInChineseWithTheInputKept() throws Exception {
		given(this.orders.ofCustomer(eq("C-1"), any(), anyInt(), anyInt()))
			.willReturn(new CustomerOrders("C-1", "上海甲乙贸易有限公司", List.of(), 1, 1, 0));
		given(this.orders.record(any(), any())).willThrow(new InvalidOrderException(
				List.of(new OrderProblem("amount", "order.error.amount", "12.34567", OrderRules.MAX_AMOUNT))));
		this.mvc.perform(form(post("/customers/C-1/orders"), "12.34567", null).param("lang", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeHasFieldErrors("orderForm", "amount"))
			.andExpect(content().string(containsString("“12.34567”不是有效金额")))
			.andExpect(content().string(containsString("上限 999,999,999,999.99")))
			.andExpect(content().string(containsString("value=\"12.34567\"")));
	}

	@Test
	void aConflictShowsTheOrderAsItNowIsAndKeepsWhatWasTyped() throws Exception {
		SalesOrder mine = order(42, "SO-42", "100.00", 1);
		SalesOrder theirs = order(42, "SO-42", "99999.00", 2);
		given(this.orders.find(eq(42L), any())).willReturn(Optional.of(scoped(mine)))
			.willReturn(Optional.of(scoped(theirs)));
		given(this.orders.change(eq(42L), eq(1L), any(), any())).willThrow(new OrderConflictException(scoped(theirs)));
		this.mvc.perform(form(post("/orders/42"), "¥12,345.60", 1L).param("lang", "en"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this order")))
			.andExpect(content().string(containsString("99,999.00")))
			.andExpect(content().string(containsString("value=\"&yen;12,345.60\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
	}

	@Test
	void anotherRepsOrderOrCustomerIsNotFound() throws Exception {
		given(this.orders.find(anyLong(), any())).willReturn(Optional.empty());
		this.mvc.perform(get("/orders/42/edit").with(user(REP))).andExpect(status().isNotFound());
		this.mvc.perform(form(post("/orders/42"), "1", 0L)).andExpect(status().isNotFound());
		given(this.orders.ofCustomer(eq("C-9"), any(), anyInt(), anyInt()))
			.willThrow(new UnknownOrderCustomerException("C-9"));
		this.mvc.perform(form(post("/customers/C-9/orders"), "1", null)).andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String amount,
			Long version) {
		request.param("kind", "ORDER")
			.param("orderNo", "")
			.param("orderedAt", "2026-11-30T09:15")
			.param("amount", amount)
			.param("grossProfit", "")
			.param("channel", "")
			.param("status", "COMPLETED")
			.with(user(REP))
			.with(csrf());
		if (version != null) {
			request.param("version", version.toString());
		}
		return request;
	}

	private static SalesOrder order(long id, String number, String amount, long version) {
		SalesOrder order = new SalesOrder(number, 1, Instant.parse("2026-11-29T02:00:00Z"), new BigDecimal(amount),
				BigDecimal.ZERO, OrderStatus.COMPLETED);
		ReflectionTestUtils.setField(order, "id", id);
		ReflectionTestUtils.setField(order, "version", version);
		return order;
	}

	private static ScopedOrder scoped(SalesOrder order) {
		return new ScopedOrder(order, "C-1", "上海甲乙贸易有限公司");
	}

}
