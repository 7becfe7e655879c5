package org.minedecl.shared.declaration;

/** 开采方式: open pit (露天) or underground (地下). */
public enum MiningMethod { OPEN_PIT, UNDERGROUND }
