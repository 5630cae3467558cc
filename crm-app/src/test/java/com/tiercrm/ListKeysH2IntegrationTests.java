package com.tiercrm;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = { "tiercrm.demo.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:list-keys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class ListKeysH2IntegrationTests extends ListKeysIntegrationTests {

}
