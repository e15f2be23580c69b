package io.servesim.cli;

import io.servesim.Version;
import picocli.CommandLine;

/** Supplies {@code servesim --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"servesim " + Version.current()};
    }
}
