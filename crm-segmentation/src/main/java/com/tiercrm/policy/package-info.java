/**
 * Service policies per tier: what each tier's customers get, versioned so that every
 * change is kept with who made it and when.
 */
@NullMarked
package com.tiercrm.policy;

import org.jspecify.annotations.NullMarked;
