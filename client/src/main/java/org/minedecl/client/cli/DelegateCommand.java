package org.minedecl.client.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.delegation.DelegationPackages;
import org.minedecl.client.app.support.ClientError;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code minedecl delegate}: the enterprise signs a delegation/1 package for a consultant (委托代理). */
@Command(name = "delegate", mixinStandardHelpOptions = true,
        description = {"签署委托代理 / sign a delegation to a consultant into an .asice package (CONTRACTS section 8)",
                "Exit codes: 0 signed, 2 usage error or a delegation that cannot be made."})
public class DelegateCommand implements Callable<Integer> {
    @Option(names = "--consultant-uscc", required = true, paramLabel = "USCC")
    String consultantUscc;

    @Option(names = "--consultant-name", required = true, paramLabel = "NAME")
    String consultantName;

    @Option(names = "--scope", paramLabel = "PREPARE[,SIGN]", split = ",", defaultValue = "PREPARE",
            description = "PREPARE, or PREPARE,SIGN (the consultant may also sign filings)")
    List<String> scope;

    @Option(names = "--licence", paramLabel = "L", description = "a mining licence it covers; none: every mine")
    List<String> licences = new ArrayList<>();

    @Option(names = "--valid-from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate validFrom;

    @Option(names = "--valid-to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate validTo;

    @Mixin
    KeyOptions key;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "GRANT.asice")
    Path out;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the messages")
    String lang;

    @Option(names = "--server", paramLabel = "URL", description = "also register the delegation with this server")
    java.net.URI server;

    @Override
    public Integer call() {
        Language err = CliLanguage.errors(lang);
        if (!CliLanguage.valid(lang)) {
            System.err.println("minedecl delegate: " + err.text("cli.lang.invalid", lang));
            return ExitCodes.USAGE;
        }
        if (!key.oneSource()) {
            System.err.println("minedecl delegate: " + err.text("sign.oneKeySource"));
            return ExitCodes.USAGE;
        }
        Set<Delegation.Scope> scopes = EnumSet.noneOf(Delegation.Scope.class);
        for (String s : scope) {
            try {
                scopes.add(Delegation.Scope.valueOf(s.trim()));
            } catch (IllegalArgumentException e) {
                System.err.println("minedecl delegate: " + err.text("delegate.scopeInvalid", s));
                return ExitCodes.USAGE;
            }
        }
        char[] secret;
        try {
            secret = key.secret(err);
        } catch (SecretInput.MissingSecret e) {
            System.err.println("minedecl delegate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            SigningCredential credential = key.source(secret).open();
            PackageWriter.WrittenPackage w = new DelegationPackages(Clock.systemUTC()).write(credential,
                    new DelegationPackages.Grant(consultantUscc, consultantName, scopes, licences, validFrom, validTo),
                    out);
            System.out.println(err.text("delegate.signed", w.path(), w.size(), consultantUscc, scopes, validFrom,
                    validTo));
            if (server == null) {
                return ExitCodes.OK;
            }
            try {
                DelegationPackages.Registered r = DelegationPackages.register(server, w.path());
                System.out.println(r.delegationId());
                System.err.println(err.text(r.created() ? "delegate.registered" : "delegate.registeredBefore",
                        r.delegationId(), server));
                return ExitCodes.OK;
            } catch (DelegationPackages.NotRegistered e) {
                System.err.println("minedecl delegate: " + err.text("delegate.notRegistered", w.path(),
                        e.getMessage()));
                return ExitCodes.SERVER;
            } catch (java.io.IOException e) {
                System.err.println("minedecl delegate: " + err.text("delegate.notRegistered", w.path(),
                        ClientErrors.explain(e).text(err)));
                return ExitCodes.SERVER;
            }
        } catch (DelegationPackages.Refused e) {
            System.err.println("minedecl delegate: " + err.text("delegate.refused", e.getMessage()));
            return ExitCodes.USAGE;
        } catch (SignerException e) {
            ClientError error = ClientErrors.explain(e);
            System.err.println("minedecl delegate: " + (error.code().equals("FAILED") ? e.getMessage()
                    : error.text(err)));
            return ExitCodes.USAGE;
        } catch (Exception e) {
            System.err.println("minedecl delegate: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return ExitCodes.USAGE;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
