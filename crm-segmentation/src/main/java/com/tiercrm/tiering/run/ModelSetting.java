package com.tiercrm.tiering.run;

import org.springframework.modulith.NamedInterface;

/**
 * One setting of a {@link TierModel} that managers edit on the threshold form: a whole
 * number within bounds.
 *
 * @param name the setting's name, unique within the model
 * @param labelKey the message key of its label on the form
 * @param defaultValue its value until a manager changes it
 * @param min the smallest value allowed
 * @param max the largest value allowed
 */
@NamedInterface("run")
public record ModelSetting(String name, String labelKey, int defaultValue, int min, int max) {

}
