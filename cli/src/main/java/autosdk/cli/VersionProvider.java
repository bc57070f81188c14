package autosdk.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (set by Maven), or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"autosdk " + (version == null ? "dev" : version)};
    }
}
