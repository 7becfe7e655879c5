package org.minedecl.client.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.minedecl.client.app.admin.RegulatorRegistry;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.client.app.support.ClientError;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.shared.signature.SignerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minedecl admin regulator add|list|remove}: the server's regulator registry, as an administrator. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "系统管理 / server administration",
        subcommands = AdminCommand.Regulator.class)
public class AdminCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code minedecl admin regulator}. */
    @Command(name = "regulator", mixinStandardHelpOptions = true,
            description = "监管部门登记：登记、列出、移除 / register, list and remove regulators",
            subcommands = {Add.class, ListRegulators.class, Remove.class})
    public static class Regulator implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    /** The part every registry command shares: log in, run, turn failures into one line and an exit code. */
    abstract static class RegistryCommand implements Callable<Integer> {
        @Mixin
        LoginOptions login;

        abstract String name();

        abstract int run(RegulatorRegistry registry) throws Exception;

        @Override
        public Integer call() {
            String usage = login.usageProblem();
            if (usage != null) {
                System.err.println("minedecl admin regulator " + name() + ": " + usage);
                return ExitCodes.USAGE;
            }
            try {
                return run(new RegulatorRegistry(login.login()));
            } catch (SecretInput.MissingSecret e) {
                System.err.println("minedecl admin regulator " + name() + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (SignerException e) {
                ClientError error = ClientErrors.explain(e);
                System.err.println("minedecl admin regulator " + name() + ": " + (error.code().equals("FAILED")
                        ? e.getMessage() : error.text(login.language())));
                return ExitCodes.USAGE;
            } catch (ServerSession.SessionException e) {
                System.err.println("minedecl admin regulator " + name() + ": " + e.getMessage());
                return e.status() == 400 ? ExitCodes.USAGE : ExitCodes.SERVER;
            } catch (Exception e) {
                System.err.println("minedecl admin regulator " + name() + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
                return ExitCodes.USAGE;
            }
        }
    }

    /** {@code add CERT.pem --name N --jurisdiction CODE...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "登记监管部门的证书及其管辖区 / register a regulator's certificate with its jurisdictions")
    public static class Add extends RegistryCommand {
        @Parameters(index = "0", paramLabel = "CERT.pem", description = "the regulator's certificate")
        Path certificate;

        @Option(names = "--name", required = true, description = "the regulator's name, e.g. 泽州县自然资源局")
        String regulatorName;

        @Option(names = "--jurisdiction", required = true, paramLabel = "CODE",
                description = "GB/T 2260 code (140525 a county, 140500 a city, 140000 a province); repeatable")
        List<String> jurisdictions;

        @Override
        String name() {
            return "add";
        }

        @Override
        int run(RegulatorRegistry registry) throws Exception {
            String pem = Files.readString(certificate, StandardCharsets.US_ASCII);
            System.out.println(registry.add(pem, regulatorName, jurisdictions));
            return ExitCodes.OK;
        }
    }

    /** {@code list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "列出已登记的监管部门 / list the registered regulators")
    public static class ListRegulators extends RegistryCommand {
        @Override
        String name() {
            return "list";
        }

        @Override
        int run(RegulatorRegistry registry) throws Exception {
            for (RegulatorRegistry.Regulator r : registry.list()) {
                System.out.println(r.id() + "\t" + String.join(",", r.jurisdictions()) + "\t" + r.name() + "\t"
                        + r.subject());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "移除监管部门，其令牌立即失效 / remove a regulator (its tokens stop working at once)")
    public static class Remove extends RegistryCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        String name() {
            return "remove";
        }

        @Override
        int run(RegulatorRegistry registry) throws Exception {
            registry.remove(id);
            System.out.println(login.language().text("admin.removed", id));
            return ExitCodes.OK;
        }
    }
}
