package org.minedecl.shared.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minedecl.shared.testpki.TestPki;

class SignerIdentityTest {
    @Test
    void theDisplayNameShowsTheOrganizationIdentifierAsTextNotHex() throws Exception {
        TestPki.Leaf leaf = TestPki.get(TestPki.KeyAlg.EC).leaf().commonName("泽州县金岭建材矿业有限公司")
                .uscc(TestPki.EXAMPLE_USCC, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build();

        String name = SignerIdentity.displayName(leaf.cert());

        assertThat(name).contains("CN=泽州县金岭建材矿业有限公司")
                .contains("organizationIdentifier=NTRCN-91140525MA0JX7RP19").doesNotContain("#0c");
    }
}
