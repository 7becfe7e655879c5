/**
 * The one vocabulary of the declaration's fields ({@link org.minedecl.client.app.fields.FieldCatalog}): labels,
 * kinds and units that the desktop form and the spreadsheet import and template share.
 */
package org.minedecl.client.app.fields;
