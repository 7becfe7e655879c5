/** Errors turned into sentences a clerk can act on, and the diagnostics text for support. */
package org.minedecl.client.app.support;
