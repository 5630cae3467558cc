package com.tiercrm.demo;

import com.tiercrm.interaction.InteractionType;

/**
 * One generated contact with a customer.
 *
 * @param type the kind of contact
 * @param occurredAt when it happened, in epoch seconds
 * @param satisfaction the score 1–5 a survey returned, or 0 when there is none
 * @param notes what the rep wrote down
 */
public record SyntheticInteraction(InteractionType type, long occurredAt, int satisfaction, String notes) {

}
