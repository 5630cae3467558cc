package com.tiercrm.task;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tasks as entities, for writing; reading goes through {@link TaskManagement}'s scoped
 * queries.
 */
interface TaskRepository extends JpaRepository<Task, Long> {

}
