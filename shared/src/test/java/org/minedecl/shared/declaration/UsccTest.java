package org.minedecl.shared.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsccTest {
    @Test
    void theExampleEnterpriseCodeHasACorrectCheckCharacter() {
        assertThat(Uscc.isValid("91140525MA0JX7RP19")).isTrue();
        assertThat(Uscc.checkCharacter("91140525MA0JX7RP1")).isEqualTo('9');
    }

    @Test
    void aWrongCheckCharacterIsRejected() {
        assertThat(Uscc.isValid("91140525MA0JX7RP18")).isFalse();
    }

    @Test
    void lettersOutsideTheAlphabetAndWrongLengthsAreRejected() {
        assertThat(Uscc.isValid("91140525MA0JX7RPI9")).isFalse(); // I is not in the alphabet
        assertThat(Uscc.isValid("91140525ma0jx7rp19")).isFalse();
        assertThat(Uscc.isValid("91140525MA0JX7RP1")).isFalse();
        assertThat(Uscc.isValid(null)).isFalse();
        assertThat(Uscc.isValid("９1140525MA0JX7RP19")).isFalse(); // full-width digit
    }
}
