package com.tiercrm.tiering.run;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:churn;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate", ChurnCohortsTests.PROPERTIES })
class ChurnCohortsH2Tests extends ChurnCohortsTests {

}
