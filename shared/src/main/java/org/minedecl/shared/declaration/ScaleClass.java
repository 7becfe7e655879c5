package org.minedecl.shared.declaration;

/** 生产规模类型 (大型/中型/小型). */
public enum ScaleClass { LARGE, MEDIUM, SMALL }
