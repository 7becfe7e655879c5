/**
 * Drafts (草稿): what the user typed, kept exactly (even a value that is not valid yet), saved atomically
 * under {@code MINEDECL_HOME/drafts} within a second of every change, reopened after a crash; carry forward of
 * a filed quarter into the next; open and export of {@code mine-declaration/1} files. No Swing here: the
 * desktop calls these services, the tests run them without a display.
 */
package org.minedecl.client.app.drafts;
