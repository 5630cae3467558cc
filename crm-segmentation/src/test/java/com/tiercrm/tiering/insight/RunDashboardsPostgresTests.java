package com.tiercrm.tiering.insight;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class RunDashboardsPostgresTests extends RunDashboardsTests {

}
