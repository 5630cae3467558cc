package com.tiercrm;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "tiercrm.demo.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:search-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class SearchAndSavedViewApiH2IntegrationTests extends SearchAndSavedViewApiIntegrationTests {

}
