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
import org.minedecl.client.app.support.ClientErrors;
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
 *   <li>A signature that fails (the token pulled out, a key that wants its PIN again) stops the batch; what is
 *       left is reported as not reached. {@link Cancellation} stops it between two declarations.</li>
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

        /** Signing failed; the batch stopped here. */
        record Failed(String reason) implements Outcome {
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
            stopped = outcome instanceof Outcome.Failed;
        }
        return new Summary(items, c.isCancelled());
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
            return new Outcome.Failed(ClientErrors.oneLine(e));
        }
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
