package io.servesim.cli;

import io.servesim.Version;
import picocli.CommandLine;

/** Supplies {@code servesim --version} to every servesim command line (this library's and the notebook kernel's). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"servesim " + Version.current()};
    }
}
