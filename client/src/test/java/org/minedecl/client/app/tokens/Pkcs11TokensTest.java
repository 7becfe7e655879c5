package org.minedecl.client.app.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.Language;

/** Token discovery's time limit and the PIN information, without a token (SoftHSM2 tests: Pkcs11TokensSoftHsmTest). */
class Pkcs11TokensTest {
    @TempDir
    Path dir;

    private static TokenRef token(Path lib, long slot, String label) {
        return new TokenRef(lib, slot, "reader", label, "maker", "model", "SN" + slot,
                PinInfo.fromFlags(PinInfo.CKF_LOGIN_REQUIRED, 4, 16));
    }

    @Test
    void aHangingDriverIsSkippedAfterTheTimeLimitAndTheOtherLibrariesAreStillSearched() throws Exception {
        Path hanging = Files.writeString(dir.resolve("hanging.so"), "");
        Path good = Files.writeString(dir.resolve("good.so"), "");
        CountDownLatch never = new CountDownLatch(1);
        Pkcs11Tokens tokens = new Pkcs11Tokens(Duration.ofMillis(300), lib -> {
            if (lib.equals(hanging)) {
                never.await();
            }
            return List.of(token(lib, 1, "key A"), token(lib, 7, "key B"));
        });
        long start = System.nanoTime();

        Pkcs11Tokens.Discovery d = tokens.discover(List.of(hanging, good, dir.resolve("missing.so")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(d.tokens()).extracting(TokenRef::label).containsExactly("key A", "key B");
        assertThat(d.tokens()).extracting(TokenRef::slotId).containsExactly(1L, 7L);
        assertThat(d.problems()).extracting(LibraryProblem::kind)
                .containsExactly(LibraryProblem.Kind.TIMED_OUT, LibraryProblem.Kind.NOT_FOUND);
        assertThat(millis).as("waited about the time limit, not forever").isLessThan(5_000);
        assertThat(d.problems().get(0).message(Language.ZH)).contains("hanging.so").contains("重新查找")
                .doesNotContain("CKR_");

        Pkcs11Tokens.Discovery again = tokens.discover(List.of(hanging));
        assertThat(again.problems().get(0).detail()).as("while it still hangs, not called a second time")
                .contains("has not returned yet");
        never.countDown();
    }

    @Test
    void aDriverThatFailsIsReportedWithoutItsTechnicalDetailInTheMessage() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.so"), "");
        Pkcs11Tokens tokens = new Pkcs11Tokens(Duration.ofSeconds(5), lib -> {
            throw new java.io.IOException("CKR_GENERAL_ERROR from C_GetSlotList");
        });

        LibraryProblem p = tokens.discover(List.of(broken)).problems().get(0);

        assertThat(p.kind()).isEqualTo(LibraryProblem.Kind.FAILED);
        assertThat(p.detail()).contains("CKR_GENERAL_ERROR");
        assertThat(p.message(Language.EN)).isEqualTo("The USB key driver broken.so cannot be used: install the "
                + "driver your certificate authority provides again.");
    }

    @Test
    void thePinDialogSaysWhichPinAndWarnsWhenTheTokenReportsAWrongTryOrTheFinalOne() {
        PinInfo fresh = PinInfo.fromFlags(PinInfo.CKF_LOGIN_REQUIRED, 6, 16);
        PinInfo low = PinInfo.fromFlags(PinInfo.CKF_LOGIN_REQUIRED | PinInfo.CKF_USER_PIN_COUNT_LOW, 6, 16);
        PinInfo last = PinInfo.fromFlags(PinInfo.CKF_USER_PIN_COUNT_LOW | PinInfo.CKF_USER_PIN_FINAL_TRY, 6, 16);
        PinInfo locked = PinInfo.fromFlags(PinInfo.CKF_USER_PIN_LOCKED | PinInfo.CKF_USER_PIN_FINAL_TRY, 6, 16);

        assertThat(fresh.prompt(Language.ZH, "企业 Key")).isEqualTo("请输入 USB Key「企业 Key」的用户 PIN（不是管理员 PIN / SO PIN），6 至 16 位");
        assertThat(fresh.warning(Language.ZH)).isEmpty();
        assertThat(low.warning(Language.EN)).hasValueSatisfying(w -> assertThat(w).contains("may lock"));
        assertThat(last.warning(Language.EN)).hasValueSatisfying(w -> assertThat(w).contains("last try"));
        assertThat(locked.warning(Language.ZH)).hasValueSatisfying(w -> assertThat(w).contains("已锁定").contains("解锁"));
        assertThat(PinInfo.fromFlags(PinInfo.CKF_PROTECTED_AUTHENTICATION_PATH, 0, 0).prompt(Language.EN, "K"))
                .isEqualTo("Enter the PIN on the USB key \"K\" itself");
        assertThat(PinInfo.fromFlags(0, -1, Long.MAX_VALUE).prompt(Language.EN, "K"))
                .isEqualTo("Enter the user PIN of the USB key \"K\" (not the administrator's SO PIN)");
    }
}
