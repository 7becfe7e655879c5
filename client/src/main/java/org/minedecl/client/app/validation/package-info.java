/**
 * Checking declarations ({@link org.minedecl.client.app.validation.ValidationService}, as of a business date) and
 * signed packages ({@link org.minedecl.client.app.validation.VerificationService}, the server's verifier).
 */
package org.minedecl.client.app.validation;
