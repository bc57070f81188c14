package autosdk.cli;

import picocli.CommandLine;

/** Entry point of the {@code autosdk} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ShortRunJvm.shouldRelaunch() ? ShortRunJvm.relaunch(args) : run(args));
    }

    /** Runs the command and returns its exit code: 0 success, 1 problems in the spec, 2 usage errors. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line (tests set its output streams). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AutosdkCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // A bug of ours must still end in one readable line, never a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine
                    .getErr()
                    .println("autosdk: internal error: " + e + " (please report this with the spec that caused it;"
                            + " set AUTOSDK_DEBUG=1 for details)");
            if (System.getenv("AUTOSDK_DEBUG") != null) e.printStackTrace(commandLine.getErr());
            return 3;
        });
        return cli;
    }
}
