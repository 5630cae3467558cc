package com.tiercrm.ownership;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:reassignments;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
class CustomerReassignmentsH2Tests extends CustomerReassignmentsTests {

}
