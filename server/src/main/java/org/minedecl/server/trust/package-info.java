/** Trust anchors and CRLs read from {@code MINEDECL_TRUST_DIR}; the server never fetches CRLs or AIA itself. */
package org.minedecl.server.trust;
