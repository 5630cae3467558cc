/**
 * The import pages at {@code /imports} and the API at {@code /api/v1/imports}, both for
 * admins only.
 */
@NullMarked
package com.tiercrm.imports.web;

import org.jspecify.annotations.NullMarked;
