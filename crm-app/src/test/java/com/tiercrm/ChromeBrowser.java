package com.tiercrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both found at fixed
 * paths (or {@code CHROME_BIN}/{@code CHROMEDRIVER}) so that nothing is downloaded.
 * Without them the test fails and says so.
 */
final class ChromeBrowser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	ChromeBrowser(int port, int width, int height) {
		Path binary = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
		Path driverPath = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
		if (!Files.isExecutable(binary) || !Files.isExecutable(driverPath)) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
					+ "apt-get install chromium chromium-driver), or CHROME_BIN and CHROMEDRIVER pointing at them.");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverPath.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		this.baseUrl = "http://localhost:" + port;
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	WebElement find(By by) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void login(String username, String password) {
		open("/login?lang=en");
		find(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("sign-in")).click();
		// At phone width the user menu is collapsed: present, not visible.
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
	}

	void logout() {
		this.driver.findElement(By.id("logout")).click();
		find(By.id("sign-in"));
	}

	String pageText() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
