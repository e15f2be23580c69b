package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * A servesim magic: {@code %name args} (line) or {@code %%name args} + body (cell). Arguments are parsed by picocli
 * from the fields of the subclass; bad arguments produce the magic's usage, never a stack trace. A fresh instance
 * runs each call.
 */
public abstract class Magic {
    /** Returns the result shown as the cell's value (rendered by the kernel), or null. */
    protected abstract Object run(MagicContext ctx, String body) throws Exception;

    /** Returns true for cell magics ({@code %%}). */
    public boolean isCellMagic() {
        return false;
    }

    /** Parses {@code args} into this instance and runs it. */
    public final Object invoke(MagicContext ctx, List<String> args, String body) throws Exception {
        CommandLine cl = new CommandLine(this);
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new CellError("UsageError", List.of(e.getMessage(), "", usage()));
        }
        if (cl.isUsageHelpRequested()) {
            return new io.servesim.kernel.render.PlainText(usage());
        }
        return run(ctx, body);
    }

    /** Returns the usage text. */
    public String usage() {
        StringWriter w = new StringWriter();
        new CommandLine(this).usage(new PrintWriter(w), CommandLine.Help.Ansi.OFF);
        return w.toString().replace("Usage: ", "Usage: " + (isCellMagic() ? "%%" : "%"));
    }
}
