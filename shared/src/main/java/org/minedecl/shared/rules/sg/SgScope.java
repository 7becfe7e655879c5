package org.minedecl.shared.rules.sg;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.declaration.MineStatus;

/** Which mines the Shanggao stopped-mine rules apply to: STOPPED or CLOSED with a CANCEL or RENEW disposition. */
final class SgScope {
    private SgScope() {
    }

    static boolean stoppedWith(Declaration d, Disposal disposal) {
        return d.mine() != null && (d.mine().status() == MineStatus.STOPPED || d.mine().status() == MineStatus.CLOSED)
                && d.mine().rectification() != null && d.mine().rectification().disposition() == disposal;
    }
}
