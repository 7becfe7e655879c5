/** Server receipts kept beside packages and drafts, and their verification: {@link org.minedecl.client.app.receipts.ReceiptStore}. */
package org.minedecl.client.app.receipts;
