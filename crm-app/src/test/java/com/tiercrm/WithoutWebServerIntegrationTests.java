package com.tiercrm;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot profiles (data generator, segmentation, import and API benchmarks) run the
 * application without a web server: every bean that the pages share with the rest must
 * still be there without one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:without-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"tiercrm.demo.enabled=false", "tiercrm.segmentation.cron=-", "tiercrm.scheduling.enabled=false" })
class WithoutWebServerIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void startsWithoutAWebServer() {
		assertThat(this.context).isNotInstanceOf(WebServerApplicationContext.class);
	}

	@Test
	void schedulesNothingThatWouldKeepTheJvmAliveAfterTheOneShot() {
		assertThat(this.context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
	}

}
