/** The filed quarters' status on the server after review: returned, decisions, abnormal-list entries. No Swing. */
package org.minedecl.client.app.status;
