package com.tiercrm.ownership.web;

import java.util.List;

import com.tiercrm.account.OwnerOption;
import com.tiercrm.ownership.OwnershipChange;

/**
 * What the customer list and a customer's page show of ownership: whether the user may
 * reassign, to whom, and on a customer's page its history.
 *
 * @param canReassign whether the user may reassign customers
 * @param targets the owners the user may give customers to
 * @param history the customer's changes of owner, newest first; empty on the list
 */
public record OwnershipPanel(boolean canReassign, List<OwnerOption> targets, List<OwnershipChange> history) {

}
