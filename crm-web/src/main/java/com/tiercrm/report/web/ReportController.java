package com.tiercrm.report.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import com.tiercrm.report.TieringReport;
import com.tiercrm.report.TieringReportPdf;
import com.tiercrm.security.CrmUser;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /tiering/report.xlsx} and {@code /tiering/report.pdf}: the published run's
 * tiering report for a management meeting, in the reader's language and scope.
 */
@Controller
class ReportController {

	private final TieringReport report;

	private final TieringReportPdf pdf;

	ReportController(TieringReport report, TieringReportPdf pdf) {
		this.report = report;
		this.pdf = pdf;
	}

	@GetMapping("/tiering/report.xlsx")
	String download(@AuthenticationPrincipal CrmUser user, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (!this.report.available()) {
			redirect.addFlashAttribute("error", "report.none");
			return "redirect:/tiering/evaluation";
		}
		response.setContentType(TieringReport.CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(TieringReport.filename(LocalDate.now())).build().toString());
		this.report.write(user.scope(), locale, response.getOutputStream());
		return null;
	}

	@GetMapping("/tiering/report.pdf")
	String downloadPdf(@AuthenticationPrincipal CrmUser user, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (!this.report.available()) {
			redirect.addFlashAttribute("error", "report.none");
			return "redirect:/tiering/evaluation";
		}
		response.setContentType(TieringReportPdf.CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(TieringReportPdf.filename(LocalDate.now()))
					.build()
					.toString());
		this.pdf.write(user.scope(), locale, response.getOutputStream());
		return null;
	}

}
