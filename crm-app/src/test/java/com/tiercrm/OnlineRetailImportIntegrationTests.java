package com.tiercrm;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tiercrm.account.Role;
import com.tiercrm.testing.UsePostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order file like Online Retail's, as an admin's script sends it: invoices whose
 * amounts (quantity × unit price) have three decimals, then cancellations as negative
 * amounts, one of them of a purchase made before the file begins. It imports whole in
 * all-or-nothing mode, and a segmentation run's revenue grows by exactly the file's net
 * total.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRetailImportIntegrationTests {

	private static final String PASSWORD = "retail-secret";

	private static final Pattern REVENUE_TOTAL = Pattern.compile("\"revenue\":\\{\"total\":(-?[0-9.]+)");

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	private final String prefix = "OR" + UUID.randomUUID().toString().substring(0, 6);

	private String admin;

	@BeforeAll
	void createAdmin() {
		this.admin = this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD).getUsername();
	}

	@Test
	void anOnlineRetailFileImportsWholeAndTheRunsRevenueGrowsByItsNetTotal() throws Exception {
		Random random = new Random(536365);
		StringBuilder customers = new StringBuilder("code,name\n");
		for (int c = 0; c < 30; c++) {
			customers.append(this.prefix).append(12346 + c).append(",Customer ").append(12346 + c).append('\n');
		}
		StringBuilder orders = new StringBuilder("order no,customer code,order time,amount\n");
		BigDecimal net = BigDecimal.ZERO;
		List<String[]> invoices = new ArrayList<>();
		LocalDateTime time = LocalDateTime.of(2010, 12, 1, 8, 26);
		for (int i = 0; i < 200; i++) {
			String customer = this.prefix + (12346 + random.nextInt(30));
			BigDecimal amount = BigDecimal.ZERO;
			for (int line = 0; line < 1 + random.nextInt(8); line++) {
				BigDecimal unitPrice = BigDecimal.valueOf(85 + random.nextInt(20_000), 3);
				amount = amount.add(unitPrice.multiply(BigDecimal.valueOf(1 + random.nextInt(24))));
			}
			time = time.plusMinutes(37 + random.nextInt(2_500));
			String invoice = this.prefix + (536365 + i);
			orders.append(invoice).append(',').append(customer).append(',').append(format(time)).append(',');
			orders.append(amount.toPlainString()).append('\n');
			invoices.add(new String[] { customer, amount.toPlainString() });
			net = net.add(amount);
		}
		// Cancellations: part of an invoice taken back later, and one of an invoice from
		// before the file (its customer has no purchase in it).
		for (int i = 0; i < 20; i++) {
			String[] invoice = invoices.get(random.nextInt(invoices.size()));
			BigDecimal credit = new BigDecimal(invoice[1]).multiply(BigDecimal.valueOf(1 + random.nextInt(9), 1))
				.setScale(3, RoundingMode.HALF_UP)
				.negate();
			time = time.plusMinutes(90);
			orders.append(this.prefix).append("C").append(536365 + i).append(',').append(invoice[0]).append(',');
			orders.append(format(time)).append(',').append(credit.toPlainString()).append('\n');
			net = net.add(credit);
		}
		customers.append(this.prefix).append("99999,Earlier Buyer\n");
		orders.append(this.prefix).append("C999999,").append(this.prefix).append("99999,2011-12-09 12:50,-2042.761\n");
		net = net.add(new BigDecimal("-2042.761"));

		String customerJob = importFile("customers", customers.toString());
		assertThat(customerJob).contains("\"status\":\"SUCCEEDED\"").contains("\"inserted\":31");
		BigDecimal before = runRevenue();
		String orderJob = importFile("orders", orders.toString());
		assertThat(orderJob).contains("\"status\":\"SUCCEEDED\"")
			.contains("\"total\":221,\"valid\":221,\"invalid\":0,\"inserted\":221");
		BigDecimal after = runRevenue();

		assertThat(net.scale()).isEqualTo(3);
		assertThat(after.subtract(before)).isEqualByComparingTo(net);
	}

	private static String format(LocalDateTime time) {
		return String.format(Locale.ROOT, "%1$tY-%1$tm-%1$td %1$tH:%1$tM", time);
	}

	/** Imports a file all or nothing through the API and returns the finished job. */
	private String importFile(String kind, String content) throws IOException, InterruptedException {
		String boundary = "----tiercrm" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\natomic\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
				+ ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> started = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/imports/" + kind)))
				.header("Authorization", basic())
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = started.body().replaceAll("^\\{\"id\":(\\d+).*", "$1");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> !get("/api/v1/imports/" + id).contains("\"status\":\"RUNNING\""));
		return get("/api/v1/imports/" + id);
	}

	/** Runs a segmentation as of today and returns its revenue total. */
	private BigDecimal runRevenue() throws IOException, InterruptedException {
		HttpResponse<String> started = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/segmentation/runs")))
				.header("Authorization", basic())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = started.body().replaceAll(".*\"id\":(\\d+).*", "$1");
		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.until(() -> !get("/api/v1/segmentation/runs/" + id).contains("\"status\":\"RUNNING\""));
		String run = get("/api/v1/segmentation/runs/" + id);
		assertThat(run).contains("\"status\":\"SUCCEEDED\"");
		Matcher total = REVENUE_TOTAL.matcher(run);
		assertThat(total.find()).as(run).isTrue();
		return new BigDecimal(total.group(1));
	}

	private String get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic()).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private String basic() {
		return "Basic "
				+ Base64.getEncoder().encodeToString((this.admin + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
