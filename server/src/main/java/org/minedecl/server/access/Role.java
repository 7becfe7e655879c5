package org.minedecl.server.access;

/** The four kinds of principal (CONTRACTS section 7). */
public enum Role {
    /** 矿山企业: the certificate's USCC; reads its own filings. */
    OPERATOR,
    /** 代理机构: reads (and, with SIGN, signs) for enterprises that delegated to its USCC, while live. */
    CONSULTANT,
    /** 监管部门: reads and decides inside its registered jurisdictions. */
    REGULATOR,
    /** 系统管理员: a certificate in the admins directory; registers and removes regulators. */
    ADMINISTRATOR
}
