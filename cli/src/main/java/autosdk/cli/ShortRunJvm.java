package autosdk.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the generator in a JVM tuned for a short run when the user started {@code java -jar autosdk-cli-VERSION.jar}
 * with no JVM options at all: C1 only and the serial collector ({@link #OPTIONS}) finish the OpenAI spec in about half
 * the time and a quarter of the memory of the defaults (C2 threads and a growing G1 heap cost more than they save in a
 * few seconds). Any explicit JVM option, or {@code AUTOSDK_NO_RELAUNCH}, keeps the current JVM. The child also maps the
 * class-data-sharing archive beside the jar, recording it on the first {@code generate} run, by the same rule as the
 * {@code autosdk} launcher script ({@link ClassDataArchive}).
 */
final class ShortRunJvm {
    /**
     * C1 only and the serial collector; what survives one young collection (spec tree, model, generated text) lives
     * to the end of the run, so it is promoted at once rather than copied between survivor spaces (about 12 % less
     * CPU on the OpenAI spec). The {@code autosdk} launcher script uses the same options.
     */
    static final List<String> OPTIONS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxTenuringThreshold=0");

    private static final String OPT_OUT = "AUTOSDK_NO_RELAUNCH";

    private ShortRunJvm() {}

    static boolean shouldRelaunch() {
        if (System.getenv(OPT_OUT) != null) return false;
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()) return false;
        return jar() != null;
    }

    static int relaunch(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        String jar = jar();
        ClassDataArchive archive = ClassDataArchive.beside(jar, args);
        command.addAll(archive.jvmOptions());
        command.add("-cp");
        command.add(jar);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(OPT_OUT, "1");
        try {
            int status = builder.start().waitFor();
            archive.completed(status);
            return status;
        } catch (Exception e) {
            // Relaunching is an optimisation only: run here if it is not possible.
            return Main.run(args);
        }
    }

    private static String jar() {
        try {
            File location = new File(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return location.isFile() && location.getName().endsWith(".jar") ? location.getPath() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
