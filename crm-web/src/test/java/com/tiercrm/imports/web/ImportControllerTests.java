package com.tiercrm.imports.web;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.account.Role;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.imports.ColumnMapping;
import com.tiercrm.imports.DateOrder;
import com.tiercrm.imports.DecimalMark;
import com.tiercrm.imports.ImportField;
import com.tiercrm.imports.ImportFileException;
import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.ImportMode;
import com.tiercrm.imports.ImportRequest;
import com.tiercrm.imports.ImportStatus;
import com.tiercrm.imports.MatchedColumn;
import com.tiercrm.imports.ReadingBasis;
import com.tiercrm.imports.ReadingSettings;
import com.tiercrm.imports.RowError;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.web.TestReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ ImportController.class, ImportApiController.class })
@Import({ WebSliceConfiguration.class, ImportUploads.class })
class ImportControllerTests {

	private static final CrmUser ADMIN = TestUsers.principal(1, "admin", Role.ADMIN);

	private static final CrmUser MANAGER = TestUsers.principal(2, "boss", Role.MANAGER);

	private static final MockMultipartFile FILE = new MockMultipartFile("file", "customers.csv", "text/csv",
			"code,name\nC1,Alpha\n".getBytes(StandardCharsets.UTF_8));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ImportManagement imports;

	@MockitoBean
	private ReferenceData references;

	private ImportJob job;

	@BeforeEach
	void setUp() {
		TestReferences.stub(this.references);
		this.job = job(7, ImportStatus.SUCCEEDED, true);
		given(this.imports.find(7)).willReturn(Optional.of(this.job));
		given(this.imports.errors(eq(7L), anyInt()))
			.willReturn(List.of(new RowError(3, "email", "=cmd|' /C calc'!A0", "import.error.email")));
	}

	@Test
	void onlyAdminsSeeTheImportPage() throws Exception {
		this.mvc.perform(get("/imports").with(user(MANAGER))).andExpect(status().isForbidden());
		this.mvc.perform(get("/imports").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("import-form")));
	}

	@Test
	void uploadRunsTheImportAndShowsItsReport() throws Exception {
		given(this.imports.start(any(), any())).willReturn(this.job);
		this.mvc
			.perform(multipart("/imports").file(FILE)
				.param("kind", "customers")
				.param("mode", "skip-invalid")
				.param("dryRun", "true")
				.param("encoding", "GBK")
				.with(user(ADMIN))
				.with(csrf()))
			.andExpect(redirectedUrl("/imports/7"));
		then(this.imports).should()
			.start(eq(new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.SKIP_INVALID, true,
					Charset.forName("GBK"), "admin")), any(InputStream.class));
	}

	@Test
	void theReportShowsEachColumnWithItsFieldAndACorrectionIsCheckedAgainAndSaved() throws Exception {
		given(this.imports.matchedColumns(7))
			.willReturn(Optional.of(List.of(new MatchedColumn(0, "客户号", ""), new MatchedColumn(1, "客户名称", "NAME"))));
		given(this.imports.fields(ImportKind.CUSTOMERS, Locale.ENGLISH))
			.willReturn(List.of(new ImportField("CODE", "code", true), new ImportField("NAME", "name", true)));
		this.mvc.perform(get("/imports/7").with(user(ADMIN)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"column.0\"")))
			.andExpect(content().string(containsString("<option value=\"NAME\" selected=\"selected\">")))
			.andExpect(content().string(containsString("code (required)")));
		given(this.imports.startRemapped(anyLong(), any(), any(), any(), any()))
			.willReturn(job(8, ImportStatus.RUNNING, true));
		this.mvc
			.perform(post("/imports/7/remap").param("column.0", "CODE")
				.param("column.1", "NAME")
				.param("encoding", "windows-1252")
				.param("mappingName", "ERP")
				.with(user(ADMIN))
				.with(csrf()))
			.andExpect(redirectedUrl("/imports/8"))
			.andExpect(flash().attribute("message", "import.mapping.saved"));
		ColumnMapping mapping = new ColumnMapping(Map.of("客户号", "CODE", "客户名称", "NAME"));
		then(this.imports).should().saveMapping(ImportKind.CUSTOMERS, "ERP", mapping, "admin");
		then(this.imports).should()
			.startRemapped(7, mapping, Charset.forName("windows-1252"), ReadingSettings.AUTOMATIC, "admin");
	}

	@Test
	void theReportSaysHowDatesAndAmountsWereReadAndTheOrderCanBeChosen() throws Exception {
		ReflectionTestUtils.setField(this.job, "kind", ImportKind.ORDERS);
		ReflectionTestUtils.setField(this.job, "datesReadAs", DateOrder.DAY_FIRST);
		ReflectionTestUtils.setField(this.job, "datesBasis", ReadingBasis.EVIDENCE);
		ReflectionTestUtils.setField(this.job, "dateExample", "13/01/2011");
		ReflectionTestUtils.setField(this.job, "dateExampleRow", 12057L);
		ReflectionTestUtils.setField(this.job, "decimalMark", DecimalMark.COMMA);
		ReflectionTestUtils.setField(this.job, "decimalsReadAs", DecimalMark.COMMA);
		ReflectionTestUtils.setField(this.job, "decimalsBasis", ReadingBasis.CHOSEN);
		given(this.imports.matchedColumns(7))
			.willReturn(Optional.of(List.of(new MatchedColumn(0, "InvoiceDate", "ORDERED_AT"))));
		given(this.imports.fields(ImportKind.ORDERS, Locale.ENGLISH))
			.willReturn(List.of(new ImportField("ORDERED_AT", "order time", true)));
		this.mvc.perform(get("/imports/7").with(user(ADMIN)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Read as day/month/year (evidence: 13/01/2011 on row 12057).")))
			.andExpect(content().string(containsString("Read with a decimal comma, as chosen.")))
			.andExpect(content().string(matchesPattern("(?s).*<option value=\"comma\"\\s+selected=\"selected\">.*")))
			.andExpect(content().string(containsString("name=\"dateOrder\"")));
		this.mvc.perform(get("/imports/7").with(user(ADMIN)).locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(containsString("按日/月/年读取（依据：第 12057 行的 13/01/2011）。")));
		this.mvc.perform(get("/api/v1/imports/7").with(user(ADMIN)).locale(Locale.ENGLISH))
			.andExpect(jsonPath("$.dateOrder").value("auto"))
			.andExpect(jsonPath("$.decimalMark").value("comma"))
			.andExpect(jsonPath("$.dates.readAs").value("day-first"))
			.andExpect(jsonPath("$.dates.basis").value("EVIDENCE"))
			.andExpect(jsonPath("$.dates.example").value("13/01/2011"))
			.andExpect(jsonPath("$.dates.row").value(12057))
			.andExpect(jsonPath("$.amounts.readAs").value("comma"))
			.andExpect(jsonPath("$.amounts.row").doesNotExist());
		given(this.imports.startRemapped(anyLong(), any(), any(), any(), any()))
			.willReturn(job(8, ImportStatus.RUNNING, true));
		this.mvc
			.perform(post("/imports/7/remap").param("column.0", "ORDERED_AT")
				.param("dateOrder", "month-first")
				.with(user(ADMIN))
				.with(csrf()))
			.andExpect(redirectedUrl("/imports/8"));
		then(this.imports).should()
			.startRemapped(7, new ColumnMapping(Map.of("InvoiceDate", "ORDERED_AT")), null,
					new ReadingSettings(DateOrder.MONTH_FIRST, DecimalMark.COMMA), "admin");
		this.mvc.perform(post("/imports/7/remap").param("dateOrder", "sideways").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/imports/7"))
			.andExpect(flash().attribute("error", "import.request.dateOrder"));
	}

	@Test
	void apiUploadTakesTheOrderOfDayAndMonthAndTheDecimalMark() throws Exception {
		given(this.imports.start(any(), any())).willReturn(this.job);
		this.mvc
			.perform(multipart("/api/v1/imports/orders").file(FILE)
				.param("dateOrder", "day-first")
				.param("decimalMark", "comma")
				.with(user(ADMIN)))
			.andExpect(status().isAccepted());
		then(this.imports).should()
			.start(argThat(
					(request) -> request.reading().equals(new ReadingSettings(DateOrder.DAY_FIRST, DecimalMark.COMMA))),
					any());
		this.mvc.perform(multipart("/api/v1/imports/orders").file(FILE).param("decimalMark", "dot").with(user(ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.key").value("import.request.decimalMark"))
			.andExpect(jsonPath("$.detail").value("Unknown decimal mark: dot. Use auto, point or comma."));
	}

	@Test
	void theReportShowsTheEncodingWithASampleLineAndOffersAnother() throws Exception {
		ReflectionTestUtils.setField(this.job, "encoding", "GB18030");
		given(this.imports.matchedColumns(7)).willReturn(Optional.of(List.of(new MatchedColumn(0, "code", "CODE"))));
		given(this.imports.sampleLine(7)).willReturn(Optional.of("C1,Caf\u00e9 M\u00fcller"));
		this.mvc.perform(get("/imports/7").with(user(ADMIN)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("C1,Caf\u00e9 M\u00fcller")))
			.andExpect(content().string(containsString("As detected (GB18030)")))
			.andExpect(content().string(containsString("value=\"windows-1252\"")));
	}

	@Test
	void aDryRunWithInvalidRowsInAtomicModeSaysACommitWouldBeRejected() throws Exception {
		ReflectionTestUtils.setField(this.job, "mode", ImportMode.ATOMIC);
		ReflectionTestUtils.setField(this.job, "totalRows", 4);
		ReflectionTestUtils.setField(this.job, "validRows", 3);
		ReflectionTestUtils.setField(this.job, "invalidRows", 1);
		this.mvc.perform(get("/imports/7").with(user(ADMIN)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A commit in all-or-nothing mode would be rejected")))
			.andExpect(content().string(containsString("to write the 3 valid rows")))
			.andExpect(content().string(not(containsString("id=\"commit\""))));
		this.mvc.perform(get("/api/v1/imports/7").with(user(ADMIN)).locale(Locale.ENGLISH))
			.andExpect(jsonPath("$.wouldBeRejected").value(true))
			.andExpect(jsonPath("$.counts.inserted").value(0))
			.andExpect(jsonPath("$.warning.key").value("import.job.wouldBeRejected"));
	}

	@Test
	void uploadWithAnUnknownSavedMappingSaysSo() throws Exception {
		this.mvc
			.perform(multipart("/imports").file(FILE)
				.param("kind", "customers")
				.param("mapping", "nope")
				.with(user(ADMIN))
				.with(csrf()))
			.andExpect(redirectedUrl("/imports"))
			.andExpect(flash().attribute("error", "import.request.mapping"));
	}

	@Test
	void uploadWithoutAFileSaysSo() throws Exception {
		this.mvc.perform(post("/imports").param("kind", "customers").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/imports"))
			.andExpect(flash().attribute("error", "import.request.file"));
	}

	@Test
	void reportShowsErrorsInTheUsersLanguage() throws Exception {
		this.mvc.perform(get("/imports/7").with(user(ADMIN)).locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("这不是有效的电子邮箱地址。")))
			.andExpect(content().string(containsString("id=\"commit\"")));
	}

	@Test
	void unknownJobIsNotFound() throws Exception {
		this.mvc.perform(get("/imports/99").with(user(ADMIN))).andExpect(status().isNotFound());
	}

	@Test
	void commitRedirectsToTheNewJob() throws Exception {
		given(this.imports.startCommit(7, "admin")).willReturn(job(8, ImportStatus.SUCCEEDED, false));
		this.mvc.perform(post("/imports/7/commit").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/imports/8"));
		given(this.imports.startCommit(7, "admin")).willThrow(new ImportFileException("import.failure.notCommittable"));
		this.mvc.perform(post("/imports/7/commit").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/imports/7"))
			.andExpect(flash().attribute("error", "import.failure.notCommittable"));
	}

	@Test
	void runningJobShowsProgressAndCanBeCancelled() throws Exception {
		ReflectionTestUtils.setField(this.job, "status", ImportStatus.RUNNING);
		ReflectionTestUtils.setField(this.job, "processedRows", 1500);
		this.mvc.perform(get("/imports/7").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Running: 1,500 rows read so far.")))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")));
		given(this.imports.cancel(7)).willReturn(true);
		this.mvc.perform(post("/imports/7/cancel").with(user(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/imports/7"))
			.andExpect(flash().attribute("message", "import.cancel.requested"));
		this.mvc.perform(post("/api/v1/imports/7/cancel").with(user(ADMIN)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.processedRows").value(1500));
		then(this.imports).should(times(2)).cancel(7);
	}

	@Test
	void errorCsvNeutralisesFormulas() throws Exception {
		byte[] body = this.mvc.perform(get("/imports/7/errors.csv").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("import-7-errors.csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFRow,Column,Value,Reason");
		assertThat(csv).contains("3,email,'=cmd|' /C calc'!A0,This is not an e-mail address.");
	}

	@Test
	void templatesCarryChineseOrEnglishHeaders() throws Exception {
		given(this.imports.templateHeader(ImportKind.CUSTOMERS, Locale.SIMPLIFIED_CHINESE))
			.willReturn(List.of("客户编号", "客户名称"));
		byte[] body = this.mvc.perform(get("/imports/templates/customers.csv?headers=zh").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("\uFEFF客户编号,客户名称\r\n");
	}

	@Test
	void apiUploadReturnsTheJob() throws Exception {
		given(this.imports.start(any(), any())).willReturn(this.job);
		this.mvc.perform(multipart("/api/v1/imports/customers").file(FILE).param("dryRun", "true").with(user(ADMIN)))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/v1/imports/7"))
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.mode").value("atomic"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value("import.error.email"))
			.andExpect(jsonPath("$.errors[0].message").value("This is not an e-mail address."));
	}

	@Test
	void anUnknownIndustryListsTheKnownOnesInTheUsersLanguage() throws Exception {
		given(this.imports.errors(eq(7L), anyInt()))
			.willReturn(List.of(new RowError(2, "行业", "农业", "import.error.unknownIndustry")));
		this.mvc.perform(get("/imports/7").locale(Locale.SIMPLIFIED_CHINESE).with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已有行业：零售、汽车。")));
		this.mvc.perform(get("/api/v1/imports/7").locale(Locale.ENGLISH).with(user(ADMIN)))
			.andExpect(jsonPath("$.errors[0].message", containsString("Known industries: Retail, Automotive.")));
	}

	@Test
	void theAdminCanChooseToAddUnknownIndustriesAndRegions() throws Exception {
		given(this.imports.start(any(), any())).willReturn(this.job);
		this.mvc.perform(
				multipart("/api/v1/imports/customers").file(FILE).param("addReferenceData", "true").with(user(ADMIN)))
			.andExpect(status().isAccepted());
		then(this.imports).should().start(argThat(ImportRequest::addReferenceData), any());
	}

	@Test
	void apiRefusesBadParametersWithTheReason() throws Exception {
		this.mvc.perform(multipart("/api/v1/imports/customers").file(FILE).param("mode", "maybe").with(user(ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.key").value("import.request.mode"));
		this.mvc
			.perform(multipart("/api/v1/imports/customers").file(FILE).param("encoding", "KLINGON-8").with(user(ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.key").value("import.request.encoding"));
		this.mvc.perform(multipart("/api/v1/imports/products").file(FILE).with(user(ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.key").value("import.request.kind"));
	}

	@Test
	void apiIsForAdminsOnly() throws Exception {
		this.mvc.perform(get("/api/v1/imports/7").with(user(MANAGER))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/imports/7")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/imports/7").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.total").value(0));
		given(this.imports.find(anyLong())).willReturn(Optional.empty());
		this.mvc.perform(get("/api/v1/imports/99").with(user(ADMIN))).andExpect(status().isNotFound());
	}

	private static ImportJob job(long id, ImportStatus status, boolean dryRun) {
		ImportJob job = BeanUtils.instantiateClass(ImportJob.class);
		ReflectionTestUtils.setField(job, "id", id);
		ReflectionTestUtils.setField(job, "fileName", "customers.csv");
		ReflectionTestUtils.setField(job, "status", status);
		ReflectionTestUtils.setField(job, "dryRun", dryRun);
		ReflectionTestUtils.setField(job, "requestedBy", "admin");
		return job;
	}

}
