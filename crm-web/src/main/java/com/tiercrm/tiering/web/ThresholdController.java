package com.tiercrm.tiering.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.config.ConfigConflictException;
import com.tiercrm.tiering.config.SegmentationConfig;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.run.PreviewResult;
import com.tiercrm.tiering.run.RunInProgressException;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationPreview;
import com.tiercrm.tiering.run.RunSchedule;
import com.tiercrm.tiering.run.SegmentationProperties;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TierModel;
import com.tiercrm.tiering.run.TierModels;
import com.tiercrm.tiering.run.TierOrder;
import com.tiercrm.tiering.model.AbcCutMode;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.InvalidSettingsException;
import com.tiercrm.tiering.model.RfmScheme;
import com.tiercrm.tiering.model.RfmScoring;
import com.tiercrm.tiering.model.ValueMeasure;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The threshold editor: managers change the segmentation configuration, preview what it
 * would do to the tiers, save it as a new version and start a run; and the list of runs.
 */
@Controller
class ThresholdController {

	private static final String FORM = "tiering/settings";

	private final SegmentationConfigs configs;

	private final SegmentationPreview preview;

	private final SegmentationRuns runs;

	private final SegmentationProperties segmentation;

	private final TierModels models;

	ThresholdController(SegmentationConfigs configs, SegmentationPreview preview, SegmentationRuns runs,
			SegmentationProperties segmentation, TierModels models) {
		this.models = models;
		this.configs = configs;
		this.preview = preview;
		this.runs = runs;
		this.segmentation = segmentation;
	}

	@ModelAttribute("options")
	Options options() {
		return new Options(this.models.codes(), ValueMeasure.values(), AbcCutMode.values(), RfmScoring.values(),
				RfmScheme.values(), ClvTimeUnit.values(), ClvPurchaseModel.values(),
				this.models.all().stream().filter((m) -> !m.settings().isEmpty()).toList());
	}

	@GetMapping("/tiering/settings")
	String initUpdateForm(Model model) {
		SegmentationConfig current = this.configs.current();
		model.addAttribute("config", current);
		model.addAttribute("thresholdForm", ThresholdForm.of(withDefaults(current.settings()), version(current)));
		model.addAttribute("nextRun", RunSchedule.next(this.segmentation, Instant.now()).orElse(null));
		return FORM;
	}

	/**
	 * The preview's address opened again, for example by the language switch: a preview
	 * needs the edited values, so start from the saved ones.
	 */
	@GetMapping("/tiering/settings/preview")
	String previewWithoutInput() {
		return "redirect:/tiering/settings";
	}

	@PostMapping("/tiering/settings/preview")
	String processPreviewForm(@Valid ThresholdForm thresholdForm, BindingResult binding, Model model,
			HttpServletResponse response) {
		model.addAttribute("config", this.configs.current());
		SegmentationSettings settings = settings(thresholdForm, binding);
		if (settings == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return FORM;
		}
		PreviewResult result = this.preview.preview(settings, null);
		Map<String, Long> published = this.runs.published()
			.map(SegmentationRun::report)
			.map(RunReport::tiers)
			.orElse(Map.of());
		model.addAttribute("preview", TierDistribution.of(result, published, this.runs.tierOrder()));
		return FORM;
	}

	@PostMapping("/tiering/settings")
	String processUpdateForm(@Valid ThresholdForm thresholdForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		model.addAttribute("config", this.configs.current());
		SegmentationSettings settings = settings(thresholdForm, binding);
		if (settings == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return FORM;
		}
		try {
			SegmentationConfig saved = this.configs.save(settings, thresholdForm.base(), user.getUsername());
			redirect.addFlashAttribute("message", "thresholds.saved");
			redirect.addFlashAttribute("messageArg", saved.getId());
			return "redirect:/tiering/settings";
		}
		catch (ConfigConflictException ex) {
			// Keep what the user typed; the next save deliberately replaces the newer
			// version.
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", ex.current());
			model.addAttribute("config", ex.current());
			model.addAttribute("thresholdForm", thresholdForm.rebasedOn(version(ex.current())));
			return FORM;
		}
	}

	@PostMapping("/tiering/runs")
	String startRun(@AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		try {
			long id = this.runs.start(new RunRequest(null, null, RunTrigger.MANUAL, user.getUsername()));
			redirect.addFlashAttribute("message", "thresholds.run.started");
			redirect.addFlashAttribute("messageArg", id);
		}
		catch (RunInProgressException ex) {
			redirect.addFlashAttribute("runRefused", ex.runningRunId());
		}
		return "redirect:/tiering/runs";
	}

	@PostMapping("/tiering/runs/{id}/cancel")
	String cancelRun(@PathVariable long id, RedirectAttributes redirect) {
		this.runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (this.runs.cancel(id)) {
			redirect.addFlashAttribute("message", "thresholds.run.cancelRequested");
			redirect.addFlashAttribute("messageArg", id);
		}
		else {
			redirect.addFlashAttribute("error", "thresholds.run.notRunning");
		}
		return "redirect:/tiering/runs";
	}

	@GetMapping("/tiering/runs")
	String runs(Model model) {
		TierOrder order = this.runs.tierOrder();
		List<RunRow> rows = this.runs.recent().stream().map((run) -> RunRow.of(run, order)).toList();
		Optional<SegmentationRun> published = this.runs.published();
		model.addAttribute("runs", rows);
		model.addAttribute("running", rows.stream().anyMatch(RunRow::running));
		model.addAttribute("publishedRunId", published.map(SegmentationRun::getId).orElse(null));
		model.addAttribute("configVersion", version(this.configs.current()));
		return "tiering/runs";
	}

	/**
	 * The saved settings with every model's defaults filled in, for the form; as saved if
	 * they name a model that is no longer registered.
	 */
	private SegmentationSettings withDefaults(SegmentationSettings settings) {
		try {
			return this.models.complete(settings);
		}
		catch (InvalidSettingsException ex) {
			return settings;
		}
	}

	private @Nullable SegmentationSettings settings(ThresholdForm form, BindingResult binding) {
		if (binding.getTarget() != null) {
			// Not built when a value has the wrong format: that error is shown first.
			form.validate(binding);
		}
		if (binding.hasErrors()) {
			return null;
		}
		try {
			return this.models.complete(form.toSettings());
		}
		catch (InvalidSettingsException ex) {
			// The models' own checks, should the form's ever miss one.
			binding.reject(ex.messageCode());
			return null;
		}
	}

	private static long version(SegmentationConfig config) {
		Long id = config.getId();
		return (id != null) ? id : 0;
	}

	/**
	 * The choices of the form's drop-downs.
	 */
	record Options(List<String> tierModels, ValueMeasure[] measures, AbcCutMode[] cutModes, RfmScoring[] scorings,
			RfmScheme[] schemes, ClvTimeUnit[] timeUnits, ClvPurchaseModel[] purchaseModels,
			List<TierModel> withSettings) {

	}

}
