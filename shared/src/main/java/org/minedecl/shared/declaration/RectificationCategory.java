package org.minedecl.shared.declaration;

/** 整治类别 assigned by the county rectification plan. */
public enum RectificationCategory { NONE, CLOSE, EXIT, UPGRADE, CONSOLIDATE, NEW }
