package org.minedecl.shared.declaration;

/** 治理恢复验收状态. */
public enum Acceptance { NONE, PARTIAL, PASSED }
