package io.computeclearing.account.member;

/**
 * ISO 17442 Legal Entity Identifier: 18 alphanumeric characters and two check digits. The check digits follow
 * ISO 7064 MOD 97-10, as in an IBAN: letters count as numbers (A=10 ... Z=35), and the whole identifier read as one
 * number leaves remainder 1 when divided by 97. A single mistyped character or a swap of two always fails.
 */
public final class LegalEntityIdentifier {

    private static final String SHAPE = "[A-Z0-9]{18}[0-9]{2}";

    private LegalEntityIdentifier() {
    }

    public static boolean isValid(String lei) {
        return lei != null && lei.matches(SHAPE) && mod97(lei) == 1;
    }

    /** The full LEI for an 18-character prefix: check digits = 98 - (prefix followed by "00") mod 97. */
    public static String withCheckDigits(String prefix) {
        if (prefix == null || !prefix.matches("[A-Z0-9]{18}")) {
            throw new IllegalArgumentException("an LEI prefix is 18 upper-case letters or digits: " + prefix);
        }
        return prefix + String.format("%02d", 98 - mod97(prefix + "00"));
    }

    /** The identifier as a number (letters as two digits), modulo 97, computed digit by digit. */
    private static int mod97(String characters) {
        int remainder = 0;
        for (int i = 0; i < characters.length(); i++) {
            int value = Character.digit(characters.charAt(i), 36);
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder;
    }
}
