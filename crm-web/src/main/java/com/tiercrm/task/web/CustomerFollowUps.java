package com.tiercrm.task.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.tiercrm.account.OwnerOption;
import com.tiercrm.task.TaskView;

/**
 * The follow-ups section of a customer's page.
 *
 * @param customerCode the customer
 * @param tasks their tasks, open first
 * @param assignees who a new one may be given to
 * @param defaultAssignee who it goes to unless another is picked
 * @param today today's date in the installation's time zone, the form's default
 * @param now the time the page was made, to mark what is overdue
 */
record CustomerFollowUps(String customerCode, List<TaskView> tasks, List<OwnerOption> assignees, long defaultAssignee,
		LocalDate today, Instant now) {

}
