package org.minedecl.shared.rules;

/** How a finding weighs: ERROR refuses the filing, WARNING advises, FLAG accepts it into the regulator's queue. */
public enum Severity { ERROR, WARNING, FLAG }
