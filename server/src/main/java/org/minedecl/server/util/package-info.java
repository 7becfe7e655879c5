/** Small helpers of the JDK's kind (an exception's chain of causes) that every server package may use. */
package org.minedecl.server.util;
