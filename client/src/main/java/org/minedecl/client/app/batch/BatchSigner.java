package org.minedecl.client.app.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.support.ClientError;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.client.app.tokens.ContextLoginKey;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;

/**
 * {@code minedecl batch sign DIR}: signs every {@code *.json} declaration of a folder with one key, through the one
 * {@link SigningService} (the ERROR gate, the attachment match, the package writer). The key is opened once by the
 * caller, so a wrong PIN stops the batch before anything is signed and is never retried into a locked token.
 *
 * <ul>
 *   <li>Attachments of {@code a.json} are the files in the folder {@code a/} beside it (stored as
 *       {@code attachments/<file name>}, as {@code minedecl sign --attach} does).</li>
 *   <li>The package of {@code a.json} is {@code OUT/a.asice}; one that exists already is kept (a batch run again
 *       after an interruption signs only what is left).</li>
 *   <li>{@link Mode#ONE_BY_ONE} asks {@link Confirm} before each signature; {@link Mode#ALL} signs them all.</li>
 *   <li>The certificate cannot change mid-batch: every declaration is signed with the one credential the caller
 *       opened (an immutable key handle and certificate chain).</li>
 *   <li>A key that demands the PIN for every signature (CKA_ALWAYS_AUTHENTICATE) was opened by
 *       {@link SigningService#open(org.minedecl.shared.signature.SignerSource, org.minedecl.client.app.tokens.SignaturePin)}
 *       with the PIN typed once ("sign all") or a prompt for each signature ("one by one"); the context-specific
 *       login happens inside each signature.</li>
 *   <li>A signature that fails (a wrong PIN, the token pulled out) stops the batch; what is left is reported as
 *       not reached, and a refused PIN is never tried again. {@link Cancellation} stops it between two
 *       declarations; a cancelled PIN prompt stops it too (that declaration and the rest are not reached).</li>
 * </ul>
 */
public final class BatchSigner {
    private final SigningService signing;

    public BatchSigner(SigningService signing) {
        this.signing = signing;
    }

    /** Sign them all at once, or confirm each one. */
    public enum Mode { ALL, ONE_BY_ONE }

    /** Asked before each signature in {@link Mode#ONE_BY_ONE}; false skips the declaration. */
    @FunctionalInterface
    public interface Confirm {
        boolean sign(Path declaration, Preparation.Ready ready);
    }

    /** How one declaration ended. */
    public sealed interface Outcome {
        /** Signed into {@code pkg}. */
        record Signed(Path pkg, int flags) implements Outcome {
        }

        /** Its package existed from an earlier run and was kept. */
        record AlreadySigned(Path pkg) implements Outcome {
        }

        /** Not signable: ERROR findings or attachments that do not match; {@code reason} says which. */
        record Refused(Preparation.Refused reason) implements Outcome {
        }

        /** The user said no to it (one by one). */
        record Declined() implements Outcome {
        }

        /** Signing failed (a wrong PIN, the token pulled out); the batch stopped here. */
        record Failed(ClientError error) implements Outcome {
        }

        /** The user cancelled the PIN prompt of this declaration's signature: nothing signed, the batch stopped. */
        record Cancelled() implements Outcome {
        }

        /** The batch stopped (cancelled, or a failure before it) before this declaration. */
        record NotReached() implements Outcome {
        }
    }

    /** One declaration and its outcome. */
    public record Item(Path declaration, Outcome outcome) {
    }

    /** What the batch did, in folder order. */
    public record Summary(List<Item> items, boolean cancelled) {
        public long count(Class<? extends Outcome> kind) {
            return items.stream().filter(i -> kind.isInstance(i.outcome())).count();
        }

        /** Whether the batch stopped on a failure. */
        public boolean failed() {
            return count(Outcome.Failed.class) > 0;
        }
    }

    /**
     * Signs the declarations of {@code dir} into {@code outDir}.
     *
     * @param credential the opened key; the caller closes it and clears its PIN
     * @param asOf       the signing day the rules use, or null for today (Asia/Shanghai)
     */
    public Summary sign(Path dir, Path outDir, SigningCredential credential, boolean pss, LocalDate asOf, Mode mode,
                        Confirm confirm, Cancellation cancel, BatchProgress progress) throws IOException {
        List<Path> files = BatchFolder.files(dir, ".json");
        Files.createDirectories(outDir);
        Cancellation c = cancel == null ? Cancellation.NEVER : cancel;
        BatchProgress p = progress == null ? BatchProgress.NONE : progress;
        List<Item> items = new ArrayList<>();
        boolean stopped = false;
        boolean promptCancelled = false;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (stopped || c.isCancelled()) {
                items.add(new Item(file, new Outcome.NotReached()));
                continue;
            }
            p.started(i + 1, files.size(), file);
            Outcome outcome = signOne(file, outDir, credential, pss, asOf, mode, confirm);
            items.add(new Item(file, outcome));
            p.finished(i + 1, files.size(), file, outcome);
            stopped = outcome instanceof Outcome.Failed || outcome instanceof Outcome.Cancelled;
            promptCancelled |= outcome instanceof Outcome.Cancelled;
        }
        return new Summary(items, c.isCancelled() || promptCancelled);
    }


    private Outcome signOne(Path file, Path outDir, SigningCredential credential, boolean pss, LocalDate asOf, Mode mode, Confirm confirm) throws IOException {
        Path pkg = outDir.resolve(BatchFolder.base(file) + ".asice");
        if (Files.exists(pkg)) {
            return new Outcome.AlreadySigned(pkg);
        }
        Preparation prep = signing.prepare(Files.readAllBytes(file), attachments(file), asOf, null);
        if (prep instanceof Preparation.Refused r) {
            return new Outcome.Refused(r);
        }
        Preparation.Ready ready = (Preparation.Ready) prep;
        if (mode == Mode.ONE_BY_ONE && (confirm == null || !confirm.sign(file, ready))) {
            return new Outcome.Declined();
        }
        try {
            SigningService.Signed signed = signing.sign(ready, credential, pss, pkg, null);
            return new Outcome.Signed(signed.path(), signed.flags().size());
        } catch (SignerException | RuntimeException e) {
            if (has(e, ContextLoginKey.PinCancelled.class)) {
                return new Outcome.Cancelled();
            }
            return new Outcome.Failed(ClientErrors.explain(e));
        }
    }

    private static boolean has(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The files in the folder named after the declaration ({@code a/} for {@code a.json}), sorted; none without it. */
    static List<Path> attachments(Path declaration) throws IOException {
        Path folder = declaration.resolveSibling(BatchFolder.base(declaration));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return BatchFolder.files(folder, "");
    }
}
