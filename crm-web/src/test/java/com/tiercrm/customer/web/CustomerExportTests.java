package com.tiercrm.customer.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import com.tiercrm.contact.Contacts;
import com.tiercrm.savedview.SavedViews;
import com.tiercrm.account.AccessScope;
import com.tiercrm.account.OwnerOptions;
import com.tiercrm.account.Role;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.web.TestReferences;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CustomerController.class)
@Import({ WebSliceConfiguration.class, CustomerExport.class, CustomerWords.class })
class CustomerExportTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TieredCustomerSearch search;

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

	@BeforeEach
	void twoRows() {
		TestReferences.stub(this.references);
		given(this.search.filterOptions()).willReturn(new TierFilterOptions(List.of("ABC:A"), List.of("A"),
				List.of("IMPORTANT_VALUE"), List.of("HIGH"), 0.3));
		willAnswer((invocation) -> {
			Consumer<TieredCustomer> action = invocation.getArgument(2);
			action.accept(row("C-1", "=HYPERLINK(\"http://evil\",\"点我\")", "+86 138 0000 0000"));
			action.accept(row("C-2", "上海甲乙贸易有限公司", null));
			return null;
		}).given(this.search).forEach(any(), any(), any());
		given(this.tierLabels.label(eq("ABC:A"), any())).willReturn("A 类（重点客户）");
	}

	@Test
	void csvIsUtf8WithBomChineseHeadersAndNeutralisedFormulas() throws Exception {
		byte[] body = this.mvc
			.perform(get("/customers/export.csv").param("tier", "ABC:A").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"customers.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8).substring(1);
		String[] lines = text.split("\r\n");
		assertThat(lines[0]).startsWith("客户编号,名称,").contains("等级");
		assertThat(lines[1]).startsWith("C-1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",")
			.contains("'+86 138 0000 0000")
			.contains("A 类（重点客户）")
			.contains("5000.0");
		assertThat(lines[2]).startsWith("C-2,上海甲乙贸易有限公司,");
		verify(this.search).forEach(argThat((criteria) -> "ABC:A".equals(criteria.tier())), eq(AccessScope.own(7)),
				any());
	}

	@Test
	void xlsxHoldsTextAsNeutralisedTextAndNumbersAsNumbers() throws Exception {
		byte[] body = this.mvc.perform(get("/customers/export.xlsx").with(user(REP)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Code");
			assertThat(header.getCell(13).getStringCellValue()).isEqualTo("Spend (CNY)");
			assertThat(header.getCell(15).getStringCellValue()).isEqualTo("Predicted value (CNY)");
			Row first = workbook.getSheetAt(0).getRow(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\",\"点我\")");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("'+86 138 0000 0000");
			assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(5000.0);
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("East China");
			assertThat(first.getCell(6).getStringCellValue()).isEqualTo("Retail");
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("上海甲乙贸易有限公司");
		}
	}

	@Test
	void invalidFilterIsABadRequest() throws Exception {
		this.mvc.perform(get("/customers/export.csv").param("sort", "nope").with(user(REP)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/customers/export.xlsx").param("tier", "ABC:Z").with(user(REP)))
			.andExpect(status().isBadRequest());
	}

	private static TieredCustomer row(String code, String name, String phone) {
		return new TieredCustomer(1, code, name, "ENTERPRISE", "stored", phone, "EAST", "上海", "RETAIL", 7L, "Rep Seven",
				"ACTIVE", Instant.parse("2024-01-01T00:00:00Z"), "ABC:A", "A", "IMPORTANT_VALUE", "HIGH", 5000.0, 12,
				7200.0, 0.91);
	}

}
