package org.minedecl.shared.pkg;

import java.util.ArrayList;
import java.util.List;
import org.minedecl.shared.declaration.Attachment;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;

/**
 * The few declaration fields the package checks need - {@code enterprise.uscc}, {@code preparer.uscc},
 * {@code licences.mining.number},
 * {@code attachments[].path} - read from the signed bytes by the one strict {@link DeclarationParser}, so the
 * binding sees exactly what the rules see.
 */
record DeclarationFacts(String uscc, String preparerUscc, String miningLicence, List<String> attachmentPaths) {

    /** The facts of a parsed declaration, or null when there is none. */
    static DeclarationFacts of(Declaration d) {
        if (d == null) {
            return null;
        }
        List<String> paths = new ArrayList<>();
        for (Attachment a : d.attachments()) {
            paths.add(a == null ? null : a.path());
        }
        return new DeclarationFacts(d.enterprise() == null ? null : d.enterprise().uscc(),
                d.preparer() == null ? null : d.preparer().uscc(), d.licences() == null
                || d.licences().mining() == null ? null : d.licences().mining().number(), paths);
    }
}
