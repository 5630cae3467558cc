package domaintest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * What the domain slice tests start from (named with {@code @ContextConfiguration}). It
 * lives outside {@code com.tiercrm} so that no component scan of the application ever
 * picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan("com.tiercrm")
@EnableJpaRepositories("com.tiercrm")
public class DomainTestApplication {

}
