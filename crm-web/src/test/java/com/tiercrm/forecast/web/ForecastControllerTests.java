package com.tiercrm.forecast.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.tiercrm.account.Role;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import com.tiercrm.tiering.forecast.StoredForecast.Kind;
import com.tiercrm.tiering.forecast.StoredForecast.Row;
import com.tiercrm.tiering.list.TierLabels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ ForecastController.class, ForecastApiController.class, ForecastNames.class })
@Import(WebSliceConfiguration.class)
class ForecastControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	private static final StoredForecast DONE = new StoredForecast(42, StoredForecast.Status.DONE, null,
			LocalDate.of(1998, 6, 30), LocalDate.of(1997, 9, 30), 273, 0.9, false, 2357L, 0.51, 0.626,
			List.of(forecast(30, "tier", "ABC:A", 1, 400, 120, 48_000),
					forecast(30, "tier", "ABC:C", 3, 900, 40, 3_000),
					forecast(91, "tier", "ABC:A", 1, 400, 350, 140_000),
					forecast(91, "tier", "ABC:C", 3, 900, 110, 9_000),
					forecast(30, "total", "*", null, 1300, 160, 51_000),
					forecast(91, "total", "*", null, 1300, 460, 149_000),
					forecast(91, "region", "EAST", null, 700, 300, 100_000),
					forecast(91, "region", "-", null, 600, 160, 49_000),
					forecast(91, "owner", "-", null, 1300, 460, 149_000), holdout("0", 1411, 318, 334),
					holdout("1", 439, 270, 255), holdout("7", 36, 190, 201),
					new Row(Kind.BACKTEST, 273, "tier", "ABC:A", 1, 400, 900, 850.0, 950.0, 70_000, 65_000.0, 75_000.0,
							910.0, 72_500.0),
					new Row(Kind.BACKTEST, 273, "tier", "ABC:C", 3, 900, 300, 280.0, 320.0, 6_000, 5_500.0, 6_500.0,
							360.0, 7_100.0)));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RunForecasts forecasts;

	@MockitoBean(name = "tierLabels")
	private TierLabels labels;

	@MockitoBean
	private UserRepository users;

	@MockitoBean
	private ReferenceData references;

	private static Row forecast(int days, String groupBy, String key, Integer rank, long customers, double purchases,
			double revenue) {
		return new Row(Kind.FORECAST, days, groupBy, key, rank, customers, purchases, purchases * 0.9, purchases * 1.1,
				revenue, revenue * 0.8, revenue * 1.2, null, null);
	}

	private static Row holdout(String repeats, long customers, double predicted, double actual) {
		return new Row(Kind.HOLDOUT, 273, "repeats", repeats, null, customers, predicted, null, null, predicted * 30,
				null, null, actual, actual * 30);
	}

	@BeforeEach
	void names() {
		given(this.labels.label(anyString(), any())).willAnswer((call) -> "label of " + call.getArgument(0));
		given(this.references.catalog(ReferenceKind.REGION)).willReturn(
				new ReferenceCatalog(ReferenceKind.REGION, List.of(new ReferenceEntry("EAST", "East China", "华东", 1))));
	}

	@Test
	void showsTheForecastPerTierRegionAndOwnerAndTheHoldoutCheck() throws Exception {
		given(this.forecasts.published()).willReturn(DONE);
		String page = text(get("/tiering/forecast"), MANAGER);
		assertThat(page)
			.contains("Run 42 as of 1998-06-30: each interval covers the outcome with about 90% probability")
			.contains("Next 91 days: expected revenue")
			.contains("149,000.00")
			.contains("label of ABC:A")
			.contains("East China")
			.contains("None")
			.contains(
					"over 2,357 customers, the mean absolute error was 0.510 purchases and the correlation with what happened 0.626")
			.contains("7 or more");
		assertThat(page.indexOf("label of ABC:A")).isLessThan(page.indexOf("label of ABC:C"));
		// the backtest: A's actual revenue inside its interval, C's outside
		assertThat(page).containsPattern("label of ABC:A .*72,500.00 Yes")
			.containsPattern("label of ABC:C .*7,100.00 No");
	}

	@Test
	void showsTheForecastInChinese() throws Exception {
		given(this.forecasts.published()).willReturn(DONE);
		String page = text(get("/tiering/forecast").locale(Locale.SIMPLIFIED_CHINESE), MANAGER);
		assertThat(page).contains("未来 91 天预计收入")
			.contains("华东")
			.contains("留出期检验")
			.contains("7 次及以上")
			.doesNotContain("Next 91 days");
	}

	@Test
	void saysWhileTheForecastIsComputedAndWhenNoRunIsPublished() throws Exception {
		given(this.forecasts.published()).willReturn(new StoredForecast(43, StoredForecast.Status.RUNNING, null, null,
				null, null, null, null, null, null, null, List.of()));
		assertThat(text(get("/tiering/forecast"), MANAGER))
			.contains("The forecast of run 43 is being computed in the background");
		this.mvc.perform(get("/api/v1/segmentation/forecast").with(user(MANAGER))).andExpect(status().isAccepted());
		given(this.forecasts.published()).willReturn(null);
		assertThat(text(get("/tiering/forecast"), MANAGER)).contains("No segmentation run has been published yet");
		this.mvc.perform(get("/api/v1/segmentation/forecast").with(user(MANAGER))).andExpect(status().isNotFound());
	}

	@Test
	void theApiGivesTheSameFiguresWithNames() throws Exception {
		given(this.forecasts.published()).willReturn(DONE);
		String json = this.mvc.perform(get("/api/v1/segmentation/forecast").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"status\":\"DONE\"")
			.contains("\"correlation\":0.626")
			.contains("\"name\":\"East China\"")
			.contains("\"expectedRevenue\":149000.0");
	}

	@Test
	void isForManagersOnly() throws Exception {
		given(this.forecasts.published()).willReturn(DONE);
		this.mvc.perform(get("/tiering/forecast").with(user(REP))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/segmentation/forecast").with(user(REP))).andExpect(status().isForbidden());
	}

	/** The page's text without tags, whitespace runs made one space. */
	private String text(MockHttpServletRequestBuilder request, CrmUser as) throws Exception {
		String html = this.mvc.perform(request.with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}

}
