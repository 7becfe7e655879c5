package org.minedecl.shared.declaration;

/** A compliance consultant who prepared the filing for the enterprise (代理编制单位). */
public record Preparer(String name, String organization, String uscc) {
}
