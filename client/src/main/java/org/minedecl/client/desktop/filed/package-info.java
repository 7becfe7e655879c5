/** The read-only view of a filed quarter. */
package org.minedecl.client.desktop.filed;
