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

    @Test
    void theUsccIsReadInOnePlaceAsFoundMissingConflictingOrInvalid() {
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        String other = "91140500MA0L3C8D5K";

        SignerIdentity.UsccReading found = SignerIdentity.readUscc(pki.leaf()
                .uscc(TestPki.EXAMPLE_USCC, TestPki.UsccPlacement.GMT0015_EXTENSION)
                .alsoUscc(TestPki.EXAMPLE_USCC, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build().cert());
        SignerIdentity.UsccReading missing = SignerIdentity.readUscc(pki.leaf().noUscc().build().cert());
        SignerIdentity.UsccReading conflict = SignerIdentity.readUscc(pki.leaf()
                .uscc(TestPki.EXAMPLE_USCC, TestPki.UsccPlacement.GMT0015_EXTENSION)
                .alsoUscc(other, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build().cert());
        SignerIdentity.UsccReading invalid = SignerIdentity.readUscc(pki.leaf()
                .uscc("91140525MA0JX7RP18", TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build().cert());

        assertThat(found.outcome()).isEqualTo(SignerIdentity.UsccReading.Outcome.FOUND);
        assertThat(found.code()).isEqualTo(TestPki.EXAMPLE_USCC);
        assertThat(missing.outcome()).isEqualTo(SignerIdentity.UsccReading.Outcome.MISSING);
        assertThat(missing.code()).isNull();
        assertThat(conflict.outcome()).isEqualTo(SignerIdentity.UsccReading.Outcome.CONFLICT);
        assertThat(conflict.conflicting().value()).isEqualTo(other);
        assertThat(conflict.code()).isNull();
        assertThat(invalid.outcome()).isEqualTo(SignerIdentity.UsccReading.Outcome.INVALID);
        assertThat(invalid.code()).isNull();
    }
}
