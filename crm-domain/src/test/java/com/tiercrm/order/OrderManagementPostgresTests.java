package com.tiercrm.order;

import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

@org.springframework.context.annotation.Import({ OrderFacts.class, com.tiercrm.database.DatabaseDialect.class })
@SpringBootTest(classes = DomainTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class OrderManagementPostgresTests extends OrderManagementTestCases {

}
