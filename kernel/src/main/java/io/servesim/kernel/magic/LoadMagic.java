package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %load FILE}: runs a Java (JShell) script in the notebook's session, as if its text were a cell. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Run a Java/JShell script file in this session.")
public final class LoadMagic extends Magic {
    @Parameters(paramLabel = "FILE", description = "Script file (.java or .jsh), relative to the notebook's folder")
    Path file;

    @Override
    protected Object run(MagicContext ctx, String body) {
        return load(ctx, file);
    }

    /** Runs {@code file} in {@code ctx}'s session; returns the value of its last expression. */
    public static Object load(MagicContext ctx, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CellError("FileNotFoundError", List.of("cannot read " + file.toAbsolutePath() + ": "
                    + e.getMessage()));
        }
        Object v = ctx.session().eval(text);
        return v == io.servesim.kernel.session.JShellSession.NO_VALUE ? null : v;
    }
}
