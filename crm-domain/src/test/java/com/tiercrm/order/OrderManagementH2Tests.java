package com.tiercrm.order;

import com.tiercrm.orderfacts.OrderFacts;
import domaintest.DomainTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded H2 database (the default installation) runs the same SQL.
 */
@org.springframework.context.annotation.Import({ OrderFacts.class, com.tiercrm.database.DatabaseDialect.class })
@SpringBootTest(classes = DomainTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:orders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
class OrderManagementH2Tests extends OrderManagementTestCases {

}
