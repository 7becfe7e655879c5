/**
 * The picocli command line: one class per command, each a thin edge over the services of {@code shared}.
 * Turns exceptions into one readable stderr line and the exit codes of {@link org.minedecl.client.cli.ExitCodes}.
 */
package org.minedecl.client.cli;
