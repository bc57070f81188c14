package autosdk.cli;

import picocli.CommandLine.Command;

/** The top-level command; work happens in its subcommands. */
@Command(name = "autosdk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generates typed Java SDKs (models, JSON codecs, HTTP and WebSocket clients) from OpenAPI and AsyncAPI.",
        subcommands = {GenerateCommand.class, picocli.CommandLine.HelpCommand.class})
final class AutosdkCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: try 'autosdk generate <spec>'");
    }
}
