package org.minedecl.shared.declaration;

/** 停产矿山处置方式: cancel the licence (注销) or renew it (延续). JSON field {@code rectification.disposition}. */
public enum Disposal { CANCEL, RENEW }
