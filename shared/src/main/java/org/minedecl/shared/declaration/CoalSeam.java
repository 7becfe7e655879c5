package org.minedecl.shared.declaration;

/** 煤层厚度 (薄/中厚/厚). */
public enum CoalSeam { THIN, MEDIUM, THICK }
