package com.tiercrm;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = { "tiercrm.demo.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:mail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
class MailH2IntegrationTests extends MailIntegrationTests {

}
