package autosdk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; work happens in its subcommands. */
@Command(
        name = "autosdk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generates typed Java SDKs (models, JSON codecs, HTTP and WebSocket clients) from OpenAPI and "
                + "AsyncAPI.",
        subcommands = {GenerateCommand.class, HelpCommand.class})
final class AutosdkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try 'autosdk generate <spec>'");
    }
}
