/**
 * Segmentation runs and previews: read per-customer facts in one pass, apply the models,
 * write the results in bulk, publish them ({@link com.tiercrm.tiering.run.RunPublished}),
 * keep the retained runs and start the scheduled ones.
 */
@NullMarked
package com.tiercrm.tiering.run;

import org.jspecify.annotations.NullMarked;
