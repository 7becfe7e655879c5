/** Server settings ({@code minedecl.*}), the data directory and the start-up durability check. */
package org.minedecl.server.config;
