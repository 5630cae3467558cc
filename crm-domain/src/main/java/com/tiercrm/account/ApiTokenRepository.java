package com.tiercrm.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Personal access tokens by hash and by owner.
 */
interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

}
