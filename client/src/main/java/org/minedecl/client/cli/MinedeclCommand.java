package org.minedecl.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code minedecl}: the top-level command; each subcommand is its own class in this package. */
@Command(name = "minedecl",
        description = "矿山季度合规申报 / quarterly compliance self-declaration for non-coal mines",
        mixinStandardHelpOptions = true,
        version = "minedecl 0.1.0",
        subcommands = {
                ValidateCommand.class,
                SignCommand.class,
                VerifyCommand.class,
                KeygenCommand.class,
                SubmitCommand.class,
                ReceiptCommand.class,
                DesktopCommand.class,
                ImportCommand.class,
                DemoCommand.class,
                BatchCommand.class,
                AdminCommand.class,
                DelegateCommand.class,
        })
public class MinedeclCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
