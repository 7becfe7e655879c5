/**
 * The client's application layer: the services both front ends call - the picocli command line
 * ({@code client.cli}) and the Swing desktop ({@code client.desktop}) - so that commands and views only parse,
 * print or display.
 * <ul>
 *   <li>{@link org.minedecl.client.app.BusinessClock}: one clock, one zone (Asia/Shanghai) for business dates;</li>
 *   <li>{@link org.minedecl.client.app.Language}: the message bundles (zh-CN default, English);</li>
 *   <li>{@link org.minedecl.client.app.ProgressListener} and {@link org.minedecl.client.app.Cancellation} for long
 *       work on a worker thread;</li>
 *   <li>{@code signing}: the ERROR gate, attachment matching, opening a key, the certificate before signing;</li>
 *   <li>{@code submission}: upload with retries (accepted | refused | unavailable | cancelled) and the outbox;</li>
 *   <li>{@code receipts}: receipts kept beside packages and drafts, and their verification;</li>
 *   <li>{@code tokens}: PKCS#11 tokens (discovery, PIN state) - the one place that talks to a token's library;</li>
 *   <li>{@code support}: errors as sentences a clerk can act on, diagnostics;</li>
 *   <li>{@code drafts} (the desktop's) and {@code batch} (spreadsheet import and batch work).</li>
 * </ul>
 * May depend on {@code shared} and on HTTP/JSON libraries; never on Swing/AWT or picocli (ClientArchitectureTest).
 */
package org.minedecl.client.app;
