/**
 * Server receipts (回执): the JSON a server signs after it has durably stored a submission, the CMS signer the
 * server uses and the verifier the command line ({@code minedecl receipt verify}) and the tests use. Depends
 * on the rule model (findings, rule pack versions) and BouncyCastle only.
 */
package org.minedecl.shared.receipt;
