package com.tiercrm.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.AccountManagement.NewUser;
import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Calls {@code GET /api/v1/customers} as a rep with HTTP Basic and then with a personal
 * access token, from the same number of concurrent clients for the same time, prints one
 * JSON line with both throughputs and exits.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.benchmark.api")
class ApiBenchmark implements ApplicationRunner {

	private static final String PASSWORD = "api-benchmark-" + UUID.randomUUID();

	private final WebServerApplicationContext context;

	private final AccountManagement accounts;

	private final ApiTokenManagement tokens;

	private final CustomerRepository customers;

	private final int clients;

	private final Duration duration;

	ApiBenchmark(WebServerApplicationContext context, AccountManagement accounts, ApiTokenManagement tokens,
			CustomerRepository customers, @Value("${tiercrm.benchmark.api.clients:8}") int clients,
			@Value("${tiercrm.benchmark.api.seconds:10}") int seconds) {
		this.context = context;
		this.accounts = accounts;
		this.tokens = tokens;
		this.customers = customers;
		this.clients = clients;
		this.duration = Duration.ofSeconds(seconds);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String prefix = "apibench-" + UUID.randomUUID().toString().substring(0, 8);
		Long team = this.accounts.createTeam(prefix, null).getId();
		User rep = this.accounts
			.createUser(new NewUser(prefix, "API benchmark", Role.SALES_REP, team, false, PASSWORD));
		long repId = (rep.getId() != null) ? rep.getId() : -1;
		for (int i = 0; i < 20; i++) {
			Customer customer = new Customer(prefix + "-" + i, "Benchmark customer " + i, CustomerType.ENTERPRISE);
			customer.setOwnerId(repId);
			this.customers.save(customer);
		}
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((prefix + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		String bearer = "Bearer "
				+ this.tokens.issue(repId, "benchmark", ApiTokenAccess.READ_ONLY, Duration.ofHours(1)).secret();
		URI uri = URI.create("http://127.0.0.1:" + this.context.getWebServer().getPort() + "/api/v1/customers?size=20");
		measure(uri, basic, Duration.ofSeconds(2));
		measure(uri, bearer, Duration.ofSeconds(2));
		double basicRate = measure(uri, basic, this.duration);
		double tokenRate = measure(uri, bearer, this.duration);
		System.out.println(String.format(Locale.ROOT,
				"{\"clients\":%d, \"seconds\":%d, \"cores\":%d, \"basicRequestsPerSecond\":%.1f, "
						+ "\"tokenRequestsPerSecond\":%.1f, \"ratio\":%.1f}",
				this.clients, this.duration.toSeconds(), Runtime.getRuntime().availableProcessors(), basicRate,
				tokenRate, tokenRate / basicRate));
		System.exit(SpringApplication.exit(this.context));
	}

	/**
	 * Successful calls per second from the configured number of clients.
	 */
	private double measure(URI uri, String authorization, Duration time) throws Exception {
		LongAdder ok = new LongAdder();
		long end = System.nanoTime() + time.toNanos();
		List<Future<?>> running = new ArrayList<>();
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				ExecutorService pool = Executors.newFixedThreadPool(this.clients)) {
			HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).build();
			long start = System.nanoTime();
			for (int i = 0; i < this.clients; i++) {
				running.add(pool.submit(() -> {
					while (System.nanoTime() < end) {
						HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200) {
							throw new IllegalStateException("HTTP " + response.statusCode());
						}
						ok.increment();
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
			return ok.sum() / ((System.nanoTime() - start) / 1e9);
		}
	}

}
