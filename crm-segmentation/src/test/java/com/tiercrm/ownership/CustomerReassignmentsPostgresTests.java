package com.tiercrm.ownership;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class CustomerReassignmentsPostgresTests extends CustomerReassignmentsTests {

}
