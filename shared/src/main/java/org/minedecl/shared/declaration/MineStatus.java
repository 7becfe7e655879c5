package org.minedecl.shared.declaration;

/** 矿山状态. */
public enum MineStatus { PRODUCING, CONSTRUCTION, STOPPED, CLOSED, NEVER_PRODUCED }
