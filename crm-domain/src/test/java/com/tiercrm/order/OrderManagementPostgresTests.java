package com.tiercrm.order;

import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class OrderManagementPostgresTests extends OrderManagementTestCases {

}
