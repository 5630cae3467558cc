package com.tiercrm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.customer.Customer;
import com.tiercrm.mail.DailyDigests;
import com.tiercrm.mail.MailSettings;
import com.tiercrm.mail.MailSubscriptions;
import com.tiercrm.mail.MonthlyReports;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mail against a real SMTP server (GreenMail) run by the test: two reps who chose the
 * daily digest, one in Chinese and one in English, each get one digest with their overdue
 * follow-up and their customer who moved down, linked to the configured address; the
 * manager who did not choose it gets none; a second check the same day sends nothing, and
 * a mail server that is down is tried again at the next check. The manager who chose the
 * monthly report gets the tiering workbook attached, in Chinese. Subclasses pick the
 * database and give the mail settings.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "tiercrm.mail.digests.enabled=true",
		"tiercrm.mail.digests.send-at=00:00", "tiercrm.mail.reports.enabled=true",
		"tiercrm.mail.reports.day-of-month=1", "tiercrm.mail.reports.send-at=00:00",
		"tiercrm.mail.base-url=https://crm.example.com/", "tiercrm.mail.from=crm@example.com",
		"tiercrm.mail.sweep-interval=1h" })
@AutoConfigureMockMvc
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailIntegrationTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MailSubscriptions subscriptions;

	@Autowired
	private DailyDigests digests;

	@Autowired
	private MonthlyReports reports;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	private final String prefix = "ML" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private Customer chineseStar;

	private Customer englishStar;

	@BeforeAll
	void twoRunsMoveEachRepsBestCustomerDownAndEachHasAnOverdueFollowUp() {
		this.team = this.fixture.create(this.prefix, "mail-secret");
		this.chineseStar = this.fixture.customer(this.prefix, "-ZH", "华东明星客户", this.team.rep());
		this.englishStar = this.fixture.customer(this.prefix, "-EN", "Western Star Ltd", this.team.otherRep());
		Customer regular = this.fixture.customer(this.prefix, "-REG", "Regular Ltd", this.team.rep());
		Instant now = Instant.now();
		order(this.chineseStar, now.minus(20, ChronoUnit.DAYS), 60_000_000);
		order(this.englishStar, now.minus(25, ChronoUnit.DAYS), 60_000_000);
		order(regular, now.minus(30, ChronoUnit.DAYS), 300);
		run();
		this.jdbc.update("delete from sales_orders where customer_id in (?, ?)", this.chineseStar.getId(),
				this.englishStar.getId());
		run();
		task(this.chineseStar, this.team.rep(), "回访报价");
		task(this.englishStar, this.team.otherRep(), "Call about the renewal");
	}

	@Test
	void optedInRepsGetOneDigestADayInTheirLanguage() throws Exception {
		// The Chinese rep chooses on the account page, the English one through the
		// service.
		this.mvc
			.perform(post("/account/mail").with(csrf())
				.with(user(this.users.loadUserByUsername(this.team.rep().getUsername())))
				.param("email", address(this.team.rep()))
				.param("language", "zh-CN")
				.param("dailyDigest", "true")
				.param("monthlyReport", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account/mail"));
		this.subscriptions.save(this.team.otherRep().getId(),
				new MailSettings(address(this.team.otherRep()), "en", true, false));
		this.subscriptions.save(this.team.manager().getId(),
				new MailSettings(address(this.team.manager()), "en", false, false));
		// A rep cannot choose the report.
		assertThat(this.subscriptions.settingsOf(this.team.rep().getId(), Locale.ENGLISH).monthlyReport()).isFalse();

		// The mail server is down: nothing is sent, nothing is marked sent.
		smtp.stop();
		assertThat(this.digests.sendDue(Instant.now())).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from mail_subscriptions where user_id in (?, ?)" + " and digest_sent_on is not null",
				Long.class, this.team.rep().getId(), this.team.otherRep().getId()))
			.isZero();
		smtp.start();

		this.digests.sendDue(Instant.now());
		List<MimeMessage> chinese = to(this.team.rep());
		List<MimeMessage> english = to(this.team.otherRep());
		assertThat(chinese).hasSize(1);
		assertThat(english).hasSize(1);
		assertThat(to(this.team.manager())).isEmpty();

		MimeMessage zh = chinese.getFirst();
		assertThat(zh.getSubject()).startsWith("TierCRM：").contains("工作摘要");
		String zhHtml = part(zh, "text/html");
		assertThat(zhHtml).contains("今日待跟进（1）", "回访报价", "已逾期", "华东明星客户", "等级下降（1）", "您好", "未读通知",
				"https://crm.example.com/customers/" + this.chineseStar.getCode(), "https://crm.example.com/today");
		assertThat(zhHtml).doesNotContain("Western Star Ltd", "Follow-ups");
		assertThat(part(zh, "text/plain")).contains("回访报价", "华东明星客户", "https://crm.example.com/today");

		MimeMessage en = english.getFirst();
		assertThat(en.getSubject()).startsWith("TierCRM: your day");
		String enHtml = part(en, "text/html");
		assertThat(enHtml).contains("Follow-ups due today (1)", "Call about the renewal", "Overdue", "Western Star Ltd",
				"Moved to a lower tier (1)", "https://crm.example.com/customers/");
		assertThat(enHtml).doesNotContain("华东明星客户");
		assertThat(part(en, "text/plain")).contains("Call about the renewal", "Western Star Ltd");

		// The job again the same day: nobody gets a second digest.
		this.digests.sendDue(Instant.now());
		assertThat(to(this.team.rep())).hasSize(1);
		assertThat(to(this.team.otherRep())).hasSize(1);
	}

	@Test
	void aManagerWhoChoseItGetsTheMonthlyReportAsAWorkbookAndAPdfInTheirLanguage() throws Exception {
		User manager = this.fixture.user(this.prefix, "mgr2", Role.MANAGER, null, "mail-secret");
		this.subscriptions.save(manager.getId(), new MailSettings(address(manager), "zh-CN", false, true));

		this.reports.sendDue(Instant.now());
		List<MimeMessage> received = to(manager);
		assertThat(received).hasSize(1);
		MimeMessage mail = received.getFirst();
		assertThat(mail.getSubject()).contains("客户分级报告");
		assertThat(part(mail, "text/html")).contains("附件是", "https://crm.example.com/tiering/evaluation");
		List<Part> attachments = attachments(mail);
		assertThat(attachments).hasSize(2);
		Part attachment = attachments.get(0);
		assertThat(attachment.getFileName()).startsWith("tiering-report-").endsWith(".xlsx");
		try (InputStream in = attachments.get(1).getInputStream(); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
			assertThat(attachments.get(1).getFileName()).startsWith("tiering-report-").endsWith(".pdf");
			assertThat(new PDFTextStripper().getText(pdf)).contains("客户分级报告", "帕累托曲线");
		}
		try (InputStream in = attachment.getInputStream();
				Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(in.readAllBytes()))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsSubsequence("分级", "帕累托曲线", "服务策略", "迁移", "效果评估");
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("分级报告");
		}

		this.reports.sendDue(Instant.now());
		assertThat(to(manager)).hasSize(1);
	}

	@Test
	void theAccountPageAsksForAnAddressInTheUsersLanguageAndAdminsSeeTheChoices() throws Exception {
		var rep = this.users.loadUserByUsername(this.team.otherRep().getUsername());
		this.mvc
			.perform(post("/account/mail").with(csrf())
				.with(user(rep))
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("email", "")
				.param("language", "en")
				.param("dailyDigest", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("接收邮件需要填写电子邮箱。")));
		this.mvc
			.perform(post("/account/mail").with(csrf())
				.with(user(rep))
				.locale(Locale.ENGLISH)
				.param("email", "not an address")
				.param("language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Must be a valid email address.")));
		// A change that is kept is audited, by and for the user; refused ones are not.
		this.mvc
			.perform(post("/account/mail").with(csrf())
				.with(user(rep))
				.param("email", address(this.team.otherRep()))
				.param("language", "en")
				.param("dailyDigest", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList(
				"select details from audit_entries where action = 'MAIL_SETTINGS_CHANGED' and target = ? and actor = ?",
				String.class, rep.getUsername(), rep.getUsername()))
			.singleElement()
			.asString()
			.contains(address(this.team.otherRep()), "digest true");
		this.mvc.perform(get("/account/mail").with(user(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"mail-settings\"")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("monthlyReport"))));

		User admin = this.fixture.user(this.prefix, "adm", Role.ADMIN, null, "mail-secret");
		this.subscriptions.save(this.team.rep().getId(),
				new MailSettings(address(this.team.rep()), "zh-CN", true, false));
		this.mvc.perform(get("/admin/mail").with(user(this.users.loadUserByUsername(admin.getUsername()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(address(this.team.rep()))));
		this.mvc.perform(get("/admin/mail").with(user(rep))).andExpect(status().isForbidden());
	}

	private List<MimeMessage> to(User user) throws MessagingException {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().equals(address(user)))) {
				messages.add(message);
			}
		}
		return messages;
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static List<Part> attachments(Part part) throws MessagingException, IOException {
		List<Part> found = new ArrayList<>();
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			found.add(part);
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				found.addAll(attachments(body));
			}
		}
		return found;
	}

	private String address(User user) {
		return user.getUsername().toLowerCase(Locale.ROOT) + "@example.com";
	}

	private void order(Customer customer, Instant at, long amount) {
		this.orders.save(new SalesOrder(customer.getCode() + "-SO1", customer.getId(), at, new BigDecimal(amount),
				BigDecimal.ONE, OrderStatus.COMPLETED));
	}

	private void task(Customer customer, User assignee, String note) {
		Instant due = Instant.now().minus(2, ChronoUnit.DAYS);
		this.jdbc.update(
				"insert into tasks (customer_id, assignee_id, due_at, note, created_by, created_at)"
						+ " values (?, ?, ?, ?, ?, ?)",
				customer.getId(), assignee.getId(), Timestamp.from(due), note, assignee.getId(),
				Timestamp.from(due.minus(1, ChronoUnit.DAYS)));
	}

	private void run() {
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
