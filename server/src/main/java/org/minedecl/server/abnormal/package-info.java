/** The abnormal-list candidate register (矿业权人异常名录候选): FLAG findings of accepted submissions. */
package org.minedecl.server.abnormal;
