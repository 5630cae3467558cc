package com.tiercrm.task;

import java.util.List;

/**
 * The first tasks of a list and how many the whole list holds.
 *
 * @param items the tasks shown, at most the limit asked for
 * @param total how many match
 */
public record TaskList(List<TaskView> items, long total) {

}
