package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePackHeaderTest {
    private static final List<RulePackInfo> BUNDLED = RuleEngine.standard().packs();

    @Test
    void theBundledPacksRoundTripWithTheirJurisdictions() {
        String header = RulePackHeader.format(BUNDLED);
        assertThat(header).startsWith("CORE@").contains(", SX@");
        assertThat(RulePackHeader.parse(header, BUNDLED)).containsExactlyElementsOf(BUNDLED);
        assertThat(RulePackHeader.differ(RulePackHeader.parse(header, BUNDLED), BUNDLED)).isFalse();
    }

    @Test
    void anOlderVersionOrAMissingPackDiffers() {
        List<RulePackInfo> older = RulePackHeader.parse(RulePackHeader.format(BUNDLED).replace("SX@1.1.0", "SX@1.0.0"),
                BUNDLED);
        assertThat(older).contains(new RulePackInfo("SX", "1.0.0", "140000"));
        assertThat(RulePackHeader.differ(older, BUNDLED)).isTrue();
        assertThat(RulePackHeader.differ(BUNDLED.subList(0, 1), BUNDLED)).isTrue();
        List<RulePackInfo> reversed = new java.util.ArrayList<>(BUNDLED);
        Collections.reverse(reversed);
        assertThat(RulePackHeader.differ(reversed, BUNDLED)).isFalse();
    }

    @Test
    void anUnknownPackKeepsAnEmptyJurisdiction() {
        assertThat(RulePackHeader.parse("CORE@1.0.0,XY@2", BUNDLED))
                .containsExactly(new RulePackInfo("CORE", "1.0.0", ""), new RulePackInfo("XY", "2", ""));
    }

    @Test
    void malformedValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RulePackHeader.parse("", BUNDLED)).hasMessageContaining("empty");
        assertThatThrownBy(() -> RulePackHeader.parse("CORE 1.0", BUNDLED))
                .hasMessageContaining("'CORE 1.0' is not ID@VERSION");
        assertThatThrownBy(() -> RulePackHeader.parse("CORE@1,", BUNDLED)).hasMessageContaining("'' is not");
        assertThatThrownBy(() -> RulePackHeader.parse("core@1", BUNDLED)).hasMessageContaining("not ID@VERSION");
        assertThatThrownBy(() -> RulePackHeader.parse("CORE@1<script>", BUNDLED)).hasMessageContaining("not ID@");
        assertThatThrownBy(() -> RulePackHeader.parse("CORE@1, CORE@2", BUNDLED))
                .hasMessageContaining("CORE twice");
        assertThatThrownBy(() -> RulePackHeader.parse("A@1,".repeat(70) + "A@1", BUNDLED))
                .hasMessageContaining("more than 64");
        assertThatThrownBy(() -> RulePackHeader.parse("X".repeat(500) + "@1", BUNDLED))
                .hasMessageContaining("...' is not");
    }
}
