/**
 * The rule engine as the server runs it (one instance, the bundled packs), {@code GET /api/v1/rules} (the packs in
 * force with their versions) and {@link org.minedecl.server.rules.AcceptedHistory}, the look-up of the accepted
 * earlier declarations of a mining licence that the history rules compare an upload with.
 *
 * <p>Versions stay visible: every finding names {@code rulePack} and {@code severityFrom} (pack and version), the
 * receipt lists {@code rulePacks}, a submission's view repeats its receipt's {@code rulePacks} (a filing judged
 * under 1.0.0 keeps its findings and says so), and every abnormal-list candidate row has {@code flag.rule_pack}
 * ({@code "SZ@1.1.0"}: the pack and version that set its disposition; migration V20). The register should show
 * that column beside the rule id.
 */
package org.minedecl.server.rules;
