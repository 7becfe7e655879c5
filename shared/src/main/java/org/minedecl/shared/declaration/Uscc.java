package org.minedecl.shared.declaration;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of the alphabet {@code 0123456789ABCDEFGHJKLMNPQRTUWXY},
 * the last a check character. The one place that knows the algorithm: CORE-USCC-01 and the signer binding
 * of a package both use it.
 */
public final class Uscc {
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** True when {@code code} is 18 characters of the alphabet (upper case, ASCII) with a correct check digit. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check);
    }

    /** The check character for the first 17 characters, for building test codes. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not in the GB 32100 alphabet: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
