/** Administration over a {@link org.minedecl.client.app.session.ServerSession}: the regulator registry. */
package org.minedecl.client.app.admin;
