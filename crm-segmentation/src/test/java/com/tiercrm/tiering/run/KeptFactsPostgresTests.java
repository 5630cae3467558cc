package com.tiercrm.tiering.run;

import com.tiercrm.testing.UsePostgres;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class KeptFactsPostgresTests extends KeptFactsTests {

}
