package com.tiercrm.tiering.web;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.InvalidSettingsException;
import com.tiercrm.tiering.run.ModelResults;
import com.tiercrm.tiering.run.ModelSetting;
import com.tiercrm.tiering.run.TierClass;
import com.tiercrm.tiering.run.TierModel;
import com.tiercrm.tiering.run.TierModels;
import com.tiercrm.account.Role;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.config.ConfigConflictException;
import com.tiercrm.tiering.config.SegmentationConfig;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.model.AbcCutMode;
import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.RfmSettings;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.PreviewResult;
import com.tiercrm.tiering.run.RunInProgressException;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationPreview;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TierOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ ThresholdController.class, SegmentationApiController.class })
@Import(WebSliceConfiguration.class)
class ThresholdControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SegmentationConfigs configs;

	@MockitoBean
	private SegmentationPreview preview;

	@MockitoBean
	private SegmentationRuns runs;

	@MockitoBean
	private CustomerTiers tiers;

	@MockitoBean(name = "tierLabels")
	private TierLabels labels;

	@MockitoBean
	private TierModels models;

	@BeforeEach
	void currentVersionIsFive() {
		given(this.models.codes()).willReturn(List.of("ABC", "RFM", "CLV", "TEST"));
		given(this.models.all()).willReturn(List.of(new TestModel()));
		given(this.models.complete(any())).willAnswer((call) -> call.getArgument(0));
		given(this.labels.model(anyString(), any())).willAnswer((call) -> "model " + call.getArgument(0));
		SegmentationConfig five = config(5, "mgr8", SegmentationSettings.defaults());
		given(this.configs.current()).willReturn(five);
		given(this.runs.tierOrder()).willReturn(new TierOrder(Map.of("ABC:A", 1, "ABC:B", 2, "ABC:C", 3)));
		given(this.runs.published()).willReturn(Optional.empty());
		given(this.labels.label(anyString(), any())).willAnswer((call) -> "label " + call.getArgument(0));
	}

	@Test
	void managerGetsTheFormFilledWithTheCurrentVersionInPercent() throws Exception {
		this.mvc.perform(get("/tiering/settings").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(view().name("tiering/settings"))
			.andExpect(content().string(containsString("name=\"baseVersion\" value=\"5\"")))
			.andExpect(content().string(containsString("name=\"abcA\" value=\"80\"")))
			.andExpect(content().string(containsString("name=\"abcB\" value=\"95\"")))
			.andExpect(content().string(containsString("name=\"recency4\" value=\"365\"")))
			.andExpect(content().string(containsString("Configuration version 5, saved by mgr8")))
			.andExpect(content().string(containsString("Monetary cut points (CNY)")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void openingThePreviewAddressAgainStartsFromTheSavedValues() throws Exception {
		this.mvc.perform(get("/tiering/settings/preview").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tiering/settings"));
	}

	@Test
	void repsAreForbiddenThePagesAndTheActions() throws Exception {
		this.mvc.perform(get("/tiering/settings").with(user(REP))).andExpect(status().isForbidden());
		this.mvc.perform(get("/tiering/runs").with(user(REP))).andExpect(status().isForbidden());
		this.mvc.perform(validPost("/tiering/settings", REP)).andExpect(status().isForbidden());
		this.mvc.perform(validPost("/tiering/settings/preview", REP)).andExpect(status().isForbidden());
		this.mvc.perform(post("/tiering/runs").with(csrf()).with(user(REP))).andExpect(status().isForbidden());
		then(this.configs).should(never()).save(any(), anyLong(), any());
		then(this.runs).should(never()).start(any());
	}

	@Test
	void previewShowsTheNewDistributionAndKeepsTheInput() throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("ABC:C", 70L);
		counts.put("ABC:A", 10L);
		counts.put("ABC:B", 20L);
		PreviewResult result = new PreviewResult(LocalDate.of(2026, 11, 30), 100, counts,
				Map.of("ABC:A", 0.5, "ABC:B", 0.3, "ABC:C", 0.2), counts, Map.of(), Map.of(),
				Map.of("ABC:A", Map.of("ABC:A", 10L, "ABC:B", 5L), "NEW", Map.of("ABC:C", 70L)),
				mock(RunReport.ClvDiagnostics.class), 1234);
		given(this.preview.preview(argThat((settings) -> settings.abc().aLimit() == 0.5
				&& settings.abc().bLimit() == 0.8 && "ABC".equals(settings.tierModel())), isNull()))
			.willReturn(result);
		this.mvc.perform(validPost("/tiering/settings/preview", "abcA", "50", "abcB", "80"))
			.andExpect(status().isOk())
			.andExpect(view().name("tiering/settings"))
			.andExpect(content().string(containsString("id=\"preview\"")))
			.andExpect(content().string(containsString("100 customers evaluated in 1,234 ms")))
			.andExpect(content().string(containsString("id=\"preview-ABC:B\"")))
			.andExpect(content().string(containsString("50.0 %")))
			.andExpect(content().string(containsString("Not yet tiered")))
			.andExpect(content().string(containsString("name=\"abcA\" value=\"50\"")))
			.andExpect(content().string(not(containsString("??"))));
		then(this.configs).should(never()).save(any(), anyLong(), any());
	}

	@Test
	void invalidCutPointsComeBackAs400WithReasonsInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(validPost("/tiering/settings", "lang", "zh-CN", "abcA", "90", "abcB", "60", "recency3", "20",
					"clvHighPercent", "70", "clvMediumPercent", "40"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("tiering/settings"))
			.andExpect(model().attributeHasFieldErrors("thresholdForm", "abcB", "recency3", "clvMediumPercent"))
			.andExpect(content().string(containsString("B 类截止点不能小于 A 类截止点")))
			.andExpect(content().string(containsString("每个分界点都必须大于前一个分界点")))
			.andExpect(content().string(containsString("name=\"abcB\" value=\"60\"")))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(validPost("/tiering/settings", "downgradeAfterRuns", "two", "abcA", "42"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeHasFieldErrors("thresholdForm", "downgradeAfterRuns"))
			.andExpect(content().string(containsString("This value has the wrong format.")))
			.andExpect(content().string(containsString("value=\"two\"")))
			.andExpect(content().string(containsString("name=\"abcA\" value=\"42\"")));
		this.mvc.perform(validPost("/tiering/settings/preview", "abcA", "100", "abcB", "100"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Class A must end above 0 % and below 100 %.")));
		then(this.configs).should(never()).save(any(), anyLong(), any());
		then(this.preview).should(never()).preview(any(), any());
	}

	@Test
	void managerSavesANewVersionAndIsRedirected() throws Exception {
		given(this.configs.save(any(), eq(5L), eq("mgr8")))
			.willAnswer((call) -> config(6, "mgr8", call.getArgument(0)));
		this.mvc
			.perform(validPost("/tiering/settings", "abcMode", "CUSTOMER_SHARE", "abcA", "30", "abcB", "70",
					"tierModel", "RFM"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tiering/settings"))
			.andExpect(flash().attribute("message", "thresholds.saved"))
			.andExpect(flash().attribute("messageArg", 6L));
		then(this.configs).should()
			.save(argThat((settings) -> settings.abc().mode() == AbcCutMode.CUSTOMER_SHARE
					&& settings.abc().aLimit() == 0.3 && settings.abc().bLimit() == 0.7
					&& "RFM".equals(settings.tierModel()) && settings.clv().monthlyDiscountRate() == 0.01), eq(5L),
					eq("mgr8"));
	}

	@Test
	void anotherModelsSettingsAreEditedOnTheFormAndSavedUnderItsCode() throws Exception {
		this.mvc.perform(get("/tiering/settings").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"TEST\">model TEST</option>")))
			.andExpect(content().string(containsString("id=\"model-settings-TEST\"")))
			.andExpect(content().string(containsString("name=\"models[TEST.groups]\"")))
			// a setting that is on or off is a choice of yes and no, not a number to type
			.andExpect(content().string(containsString("<select class=\"form-select\" id=\"models-TEST.useGroups\"")))
			.andExpect(content().string(containsString("<option value=\"0\">No</option>")));
		given(this.configs.save(any(), eq(5L), eq("mgr8")))
			.willAnswer((call) -> config(6, "mgr8", call.getArgument(0)));
		this.mvc.perform(validPost("/tiering/settings", "tierModel", "TEST", "models[TEST.groups]", "7"))
			.andExpect(status().is3xxRedirection());
		then(this.configs).should()
			.save(argThat((settings) -> "TEST".equals(settings.tierModel())
					&& Integer.valueOf(7).equals(settings.model("TEST").get("groups"))), eq(5L), eq("mgr8"));
	}

	@Test
	void anUnknownTierModelIsRefusedInTheUsersLanguage() throws Exception {
		given(this.models.complete(any()))
			.willThrow(new InvalidSettingsException("segmentation.settings.unknown-model"));
		this.mvc.perform(validPost("/tiering/settings", "tierModel", "GONE").locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有安装这个分级模型")));
		then(this.configs).should(never()).save(any(), anyLong(), any());
	}

	/** A model with one setting, as another tier model would declare it. */
	private static final class TestModel implements TierModel {

		@Override
		public String code() {
			return "TEST";
		}

		@Override
		public List<TierClass> classes() {
			return List.of(new TierClass("TOP", "Top", "顶级"), new TierClass(TierModel.NO_PURCHASE, "None", "无"));
		}

		@Override
		public List<ModelSetting> settings() {
			return List.of(new ModelSetting("groups", "thresholds.field.downgradeAfterRuns", 4, 2, 10),
					new ModelSetting("useGroups", "thresholds.field.downgradeAfterRuns", 0, 0, 1));
		}

		@Override
		public ModelResults classify(List<CustomerFacts> facts, SegmentationSettings settings) {
			throw new UnsupportedOperationException();
		}

	}

	@Test
	void savedHintNamesTheNextScheduledRunNotANightlyOne() throws Exception {
		this.mvc
			.perform(get("/tiering/settings").with(user(MANAGER))
				.flashAttr("message", "thresholds.saved")
				.flashAttr("messageArg", 6L)
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*let the next scheduled run, on 1 [A-Z][a-z]+ 20\\d\\d at 02:00, pick it up.*")))
			.andExpect(content().string(not(containsString("nightly"))));
		this.mvc
			.perform(get("/tiering/settings").with(user(MANAGER))
				.flashAttr("message", "thresholds.saved")
				.flashAttr("messageArg", 6L)
				.param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*下一次定时运行（20\\d\\d年\\d{1,2}月1日 02:00）.*")));
	}

	@Test
	void managerChoosesTheModifiedPurchaseModel() throws Exception {
		this.mvc.perform(get("/tiering/settings").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"clvPurchaseModel\"")))
			.andExpect(content().string(containsString("MBG/NBD (one-time buyers can drop out)")));
		given(this.configs.save(any(), eq(5L), eq("mgr8")))
			.willAnswer((call) -> config(6, "mgr8", call.getArgument(0)));
		this.mvc.perform(validPost("/tiering/settings", "clvPurchaseModel", "MBG_NBD"))
			.andExpect(status().is3xxRedirection());
		then(this.configs).should()
			.save(argThat((settings) -> settings.clv().purchaseModel() == ClvPurchaseModel.MBG_NBD), eq(5L),
					eq("mgr8"));
	}

	@Test
	void apiSavesThePurchaseModelAndReadsConfigurationsSavedBeforeIt() throws Exception {
		given(this.configs.save(any(), eq("mgr8"))).willAnswer((call) -> config(6, "mgr8", call.getArgument(0)));
		JsonMapper json = JsonMapper.builder().build();
		String modified = json.writeValueAsString(new SegmentationSettings(AbcSettings.defaults(), 0,
				RfmSettings.defaults(), ClvSettings.defaults().withPurchaseModel(ClvPurchaseModel.MBG_NBD), "ABC", 1));
		this.mvc
			.perform(put("/api/v1/segmentation/config").contentType(MediaType.APPLICATION_JSON)
				.content(modified)
				.with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.settings.clv.purchaseModel").value("MBG_NBD"));
		String before = modified.replace(",\"purchaseModel\":\"MBG_NBD\"", "");
		assertThat(before).doesNotContain("purchaseModel");
		this.mvc
			.perform(put("/api/v1/segmentation/config").contentType(MediaType.APPLICATION_JSON)
				.content(before)
				.with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.settings.clv.purchaseModel").value("BG_NBD"));
	}

	@Test
	void saveFromAnOutdatedVersionIsRefusedAndKeepsTheInput() throws Exception {
		SegmentationConfig theirs = config(6, "otherManager", SegmentationSettings.defaults());
		ConfigConflictException conflict = conflict(theirs, 5);
		given(this.configs.save(any(), eq(5L), eq("mgr8"))).willThrow(conflict);
		this.mvc.perform(validPost("/tiering/settings", "abcA", "55"))
			.andExpect(status().isConflict())
			.andExpect(view().name("tiering/settings"))
			.andExpect(content().string(containsString("id=\"threshold-conflict\"")))
			.andExpect(content().string(containsString("otherManager saved version 6")))
			.andExpect(content().string(containsString("name=\"abcA\" value=\"55\"")))
			.andExpect(content().string(containsString("name=\"baseVersion\" value=\"6\"")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void apiSaveFromAnOutdatedVersionIsAConflict() throws Exception {
		SegmentationConfig theirs = config(6, "otherManager", SegmentationSettings.defaults());
		ConfigConflictException conflict = conflict(theirs, 5);
		given(this.configs.save(any(), eq(5L), eq("mgr8"))).willThrow(conflict);
		String settings = JsonMapper.builder().build().writeValueAsString(SegmentationSettings.defaults());
		this.mvc
			.perform(put("/api/v1/segmentation/config").param("baseVersion", "5")
				.contentType(MediaType.APPLICATION_JSON)
				.content(settings)
				.with(user(MANAGER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(6));
		this.mvc
			.perform(put("/api/v1/segmentation/config").param("baseVersion", "5")
				.contentType(MediaType.APPLICATION_JSON)
				.content(settings)
				.with(user(REP)))
			.andExpect(status().isForbidden());
	}

	@Test
	void startingARunWhileOneIsRunningIsRefusedClearly() throws Exception {
		RunInProgressException inProgress = inProgress(41);
		given(this.runs.start(any())).willThrow(inProgress);
		this.mvc.perform(post("/tiering/runs").with(csrf()).with(user(MANAGER)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tiering/runs"))
			.andExpect(flash().attribute("runRefused", 41L));
		given(this.runs.recent()).willReturn(List.of());
		this.mvc.perform(get("/tiering/runs").flashAttr("runRefused", 41L).with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Run 41 is still in progress")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void aRunningRunIsCancelledFromThePageAndTheApiAndEndsWithItsReasonInBothLanguages() throws Exception {
		SegmentationRun run = mock(SegmentationRun.class);
		given(run.getId()).willReturn(43L);
		given(run.getStatus()).willReturn(RunStatus.CANCELLED);
		given(run.getFailureCode()).willReturn("runs.failure.cancelledUnanswered");
		given(run.getAsOf()).willReturn(LocalDate.of(2025, 6, 30));
		given(run.getTrigger()).willReturn(RunTrigger.MANUAL);
		given(run.getStartedAt()).willReturn(Instant.parse("2025-06-30T01:00:00Z"));
		given(this.runs.find(43)).willReturn(Optional.of(run));
		given(this.runs.cancel(43)).willReturn(true);
		this.mvc.perform(post("/tiering/runs/43/cancel").with(csrf()).with(user(MANAGER)))
			.andExpect(redirectedUrl("/tiering/runs"))
			.andExpect(flash().attribute("message", "thresholds.run.cancelRequested"));
		this.mvc.perform(post("/tiering/runs/43/cancel").with(csrf()).with(user(REP)))
			.andExpect(status().isForbidden());

		given(this.runs.recent()).willReturn(List.of(run));
		this.mvc.perform(get("/tiering/runs").with(user(MANAGER)).locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(containsString("已取消")))
			.andExpect(content().string(containsString("系统已将其结束")));
		this.mvc.perform(get("/tiering/runs").with(user(MANAGER)).locale(Locale.ENGLISH))
			.andExpect(content().string(containsString("Cancelled")))
			.andExpect(content().string(containsString("it did not stop by itself in time")));

		given(this.runs.cancel(43)).willReturn(false);
		this.mvc
			.perform(post("/api/v1/segmentation/runs/43/cancel").with(user(MANAGER)).locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.error").value("runs.failure.cancelledUnanswered"))
			.andExpect(jsonPath("$.errorMessage").value(containsString("系统已将其结束")));
		this.mvc.perform(post("/api/v1/segmentation/runs/44/cancel").with(user(MANAGER)))
			.andExpect(status().isNotFound());
	}

	/**
	 * A post of the defaults from version 5, as the manager, with some fields changed.
	 */
	private static MockHttpServletRequestBuilder validPost(String path, String... changes) {
		return validPost(path, MANAGER, changes);
	}

	private static MockHttpServletRequestBuilder validPost(String path, CrmUser as, String... changes) {
		Map<String, String> values = new LinkedHashMap<>();
		ThresholdForm form = ThresholdForm.of(SegmentationSettings.defaults(), 5);
		for (RecordComponent component : ThresholdForm.class.getRecordComponents()) {
			if (component.getType() == Map.class) {
				// Other models' settings are posted as models[MODEL.setting].
				continue;
			}
			try {
				values.put(component.getName(), String.valueOf(component.getAccessor().invoke(form)));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		for (int i = 0; i < changes.length; i += 2) {
			values.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder post = post(path).with(csrf()).with(user(as));
		values.forEach(post::param);
		return post;
	}

	private static SegmentationConfig config(long id, String by, SegmentationSettings settings) {
		SegmentationConfig config = mock(SegmentationConfig.class);
		given(config.getId()).willReturn(id);
		given(config.getCreatedBy()).willReturn(by);
		given(config.getCreatedAt()).willReturn(Instant.parse("2026-11-30T08:00:00Z"));
		given(config.settings()).willReturn(settings);
		return config;
	}

	private static ConfigConflictException conflict(SegmentationConfig current, long base) {
		ConfigConflictException ex = mock(ConfigConflictException.class);
		given(ex.current()).willReturn(current);
		given(ex.baseVersion()).willReturn(base);
		return ex;
	}

	private static RunInProgressException inProgress(long running) {
		RunInProgressException ex = mock(RunInProgressException.class);
		given(ex.runningRunId()).willReturn(running);
		return ex;
	}

}
