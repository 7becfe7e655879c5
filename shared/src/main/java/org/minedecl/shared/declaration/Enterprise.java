package org.minedecl.shared.declaration;

/** The mining right holder (矿业权人); {@code uscc} is the 统一社会信用代码 (GB 32100-2015). */
public record Enterprise(String name, String uscc, String legalRepresentative, Contact contact) {
    /** A person to call about the filing. */
    public record Contact(String name, String phone) {
    }
}
