package com.tiercrm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path: the application on the embedded H2 default (in memory here)
 * migrates, seeds the demo data, publishes a first segmentation run and serves the demo
 * logins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:embedded-default;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"tiercrm.demo.customers=800" })
class EmbeddedDefaultIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void demoDataIsSeededAndTiered() {
		assertThat(this.jdbc.queryForObject("select count(*) from customers", Long.class)).isEqualTo(800);
		assertThat(this.jdbc.queryForObject("select count(*) from sales_orders", Long.class)).isGreaterThan(2000);
		assertThat(this.jdbc.queryForObject("select count(*) from users", Long.class)).isEqualTo(9);
		Long published = this.jdbc.queryForObject("select published_run_id from segmentation_state", Long.class);
		assertThat(published).isNotNull();
		assertThat(this.jdbc.queryForObject("select count(*) from customer_segments where run_id = ?", Long.class,
				published))
			.isEqualTo(800);
	}

	@Test
	void demoLoginsSeeTheirOwnCustomers() throws Exception {
		HttpResponse<String> rep = get("/api/v1/customers?size=200", "rep1");
		assertThat(rep.statusCode()).isEqualTo(200);
		assertThat(rep.body()).contains("张伟 Zhang Wei").doesNotContain("刘洋 Liu Yang");
		HttpResponse<String> west = get("/api/v1/customers?size=200", "manager2");
		assertThat(west.body()).contains("杨帆 Yang Fan").doesNotContain("张伟 Zhang Wei");
		assertThat(get("/api/v1/segmentation/runs", "manager1").body()).contains("\"status\":\"SUCCEEDED\"");
		assertThat(get("/login", null).body()).contains("TierCRM");
	}

	private HttpResponse<String> get(String path, String username) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (username != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":demo123").getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
