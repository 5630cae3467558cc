package com.tiercrm;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest(properties = { "tiercrm.demo.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:cluster-variables;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@AutoConfigureMockMvc
class ClusterVariablesH2IntegrationTests extends ClusterVariablesIntegrationTests {

}
