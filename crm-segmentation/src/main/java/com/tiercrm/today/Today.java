package com.tiercrm.today;

import java.time.LocalDate;
import java.util.List;

import com.tiercrm.book.BookEntry;
import com.tiercrm.task.TaskList;
import org.jspecify.annotations.Nullable;

/**
 * What a user has to do today, each list cut to a few with the count of the whole.
 *
 * @param tasks the user's open follow-ups due today or overdue
 * @param overdueContacts the user's customers overdue for contact, most urgent first
 * @param overdueContactCount how many of the user's customers are overdue for contact
 * @param downgrades the user's customers the published run moved to a lower tier
 * @param fellBelow the user's customers whose probability of being alive fell below the
 * threshold in the published run
 * @param threshold the churn threshold of the probability of being alive
 * @param runAsOf the as-of date of the published run, {@code null} before the first
 * @param previousAsOf the as-of date of the run it is compared with, {@code null} if none
 * is retained
 */
public record Today(TaskList tasks, List<BookEntry> overdueContacts, long overdueContactCount, Moves downgrades,
		Moves fellBelow, double threshold, @Nullable LocalDate runAsOf, @Nullable LocalDate previousAsOf) {

}
