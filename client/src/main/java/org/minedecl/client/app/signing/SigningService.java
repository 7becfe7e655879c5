package org.minedecl.client.app.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.tokens.AlwaysAuthenticateKeys;
import org.minedecl.client.app.tokens.SignaturePin;
import org.minedecl.shared.declaration.Attachment;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.signature.SignatureAlgorithm;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Signing a declaration (签名打包), for the CLI's {@code sign} and the desktop's sign dialog alike:
 * <ol>
 *   <li>{@link #prepare}: validate with the shared rule engine as of the business date (the ERROR gate) and match
 *       the attachment files against {@code declaration.attachments}; the result says what will be signed,
 *       including the FLAG findings the signer should see first;</li>
 *   <li>{@link #open}: open the key (PKCS#12 file or PKCS#11 token) and {@link #describe} its certificate (holder,
 *       USCC, validity, whether it fits the declaration);</li>
 *   <li>{@link #sign}: write the {@code .asice} package, reporting progress (hashing, signing, writing).</li>
 * </ol>
 * No Swing and no picocli here; the caller prints or shows the results.
 */
public final class SigningService {
    private final RuleEngine engine;
    private final BusinessClock clock;

    public SigningService(RuleEngine engine, BusinessClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The standard rule packs and the given clock. */
    public static SigningService standard(BusinessClock clock) {
        return new SigningService(RuleEngine.standard(), clock);
    }

    /**
     * Checks the declaration and its attachment files.
     *
     * @param json            the declaration's bytes (signed exactly as they are)
     * @param attachmentFiles files to carry, each as {@code attachments/<file name>}
     * @param asOf            the signing day the rules use, or null for today in Asia/Shanghai
     * @param previous        the previous accepted declaration of the mine (for CORE-CONS-01), or null
     */
    public Preparation prepare(byte[] json, List<Path> attachmentFiles, LocalDate asOf, Declaration previous) {
        LocalDate day = clock.today(asOf);
        DeclarationValidator.ValidationResult v = new DeclarationValidator(engine).validate(json, day, previous);
        List<Finding> findings = v.findings();
        if (v.hasErrors()) {
            return new Preparation.HasErrors(findings);
        }
        List<PackageAttachment> attachments = new ArrayList<>();
        TreeSet<String> given = new TreeSet<>();
        TreeSet<String> givenLower = new TreeSet<>();
        for (Path p : attachmentFiles) {
            if (!Files.isRegularFile(p)) {
                return new Preparation.AttachmentUnusable(p, Preparation.AttachmentUnusable.Problem.NOT_FOUND,
                        p.toString(), findings);
            }
            PackageAttachment a;
            try {
                a = PackageAttachment.of(p);
            } catch (IllegalArgumentException e) {
                return new Preparation.AttachmentUnusable(p, Preparation.AttachmentUnusable.Problem.UNSAFE_NAME,
                        e.getMessage(), findings);
            }
            // the package refuses two names that differ only in case (they clash on Windows and macOS)
            if (!givenLower.add(a.packagePath().toLowerCase(Locale.ROOT))) {
                return new Preparation.AttachmentUnusable(p, Preparation.AttachmentUnusable.Problem.DUPLICATE_NAME,
                        a.packagePath(), findings);
            }
            given.add(a.packagePath());
            attachments.add(a);
        }
        TreeSet<String> declared = new TreeSet<>();
        for (Attachment a : v.declaration().attachments()) {
            declared.add(a.path());
        }
        if (!declared.equals(given)) {
            TreeSet<String> missing = new TreeSet<>(declared);
            missing.removeAll(given);
            TreeSet<String> extra = new TreeSet<>(given);
            extra.removeAll(declared);
            return new Preparation.AttachmentsMismatch(missing, extra, findings);
        }
        return new Preparation.Ready(json, v.declaration(), attachments, findings, day);
    }

    /**
     * Opens the signing key. The caller clears the password or PIN afterwards. A failure is a
     * {@link SignerException} with one technical line; {@link org.minedecl.client.app.support.ClientErrors} turns it
     * into a sentence a clerk can act on.
     */
    public SigningCredential open(SignerSource source) throws SignerException {
        return open(source, null);
    }

    /**
     * Opens the signing key; a token key that demands the PIN for every signature (CKA_ALWAYS_AUTHENTICATE) gets
     * the context-specific login before each signature, with the PIN {@code perSignature} gives ("one by one"),
     * or with the PIN the key was opened with when it is null ("sign all": a copy is kept until {@link #close}).
     * {@link #demandsPinEachTime} tells which.
     */
    public SigningCredential open(SignerSource source, SignaturePin perSignature) throws SignerException {
        SigningCredential credential = source.open();
        if (source instanceof SignerSource.Pkcs11Token token) {
            return AlwaysAuthenticateKeys.adapt(credential, token.config(), token.pin(), perSignature);
        }
        return credential;
    }

    /** Whether the key asks for its PIN for every signature. */
    public boolean demandsPinEachTime(SigningCredential credential) {
        return AlwaysAuthenticateKeys.demandsPinEachTime(credential);
    }

    /** Done with the key: a token key that demands the PIN each time closes its session and clears a kept PIN. */
    public void close(SigningCredential credential) {
        AlwaysAuthenticateKeys.close(credential);
    }

    /** The certificate as the signer should see it before signing, against the declaration (may be null). */
    public CertificateInfo describe(X509Certificate certificate, Declaration declaration) {
        return CertificateInfo.of(certificate, declaration, clock.now());
    }

    /** A written package. */
    public record Signed(Path path, long size, Instant signingTime, SignatureAlgorithm algorithm,
                         CertificateInfo certificate, List<Finding> flags) {
    }

    /**
     * Signs a prepared declaration into {@code out} (written beside it first and moved into place, so a failure
     * leaves no partial package).
     *
     * @param pss RSA keys: RSASSA-PSS instead of PKCS#1 v1.5
     */
    public Signed sign(Preparation.Ready ready, SigningCredential credential, boolean pss, Path out,
            ProgressListener listener) throws IOException, SignerException {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        SignatureAlgorithm alg = SignatureAlgorithm.forKey(credential.certificate().getPublicKey(), pss);
        PackageWriter.WrittenPackage w = new PackageWriter(clock.clock()).write(ready.json(), ready.attachments(),
                credential, alg, out, progress::progress);
        progress.progress("done", 1, 1);
        return new Signed(w.path(), w.size(), w.signingTime(), alg,
                describe(credential.certificate(), ready.declaration()), ready.flags());
    }
}
