package com.tiercrm.tiering.run;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:keptfacts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
class KeptFactsH2Tests extends KeptFactsTests {

}
