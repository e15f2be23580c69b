package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.PlainText;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %jars PATH...} and {@code %classpath PATH...}: add local jars (globs such as {@code lib/*.jar} allowed) or
 * class folders to the session's class path; without arguments, list what was added.
 */
@Command(name = "jars", mixinStandardHelpOptions = true, description = "Add local jars or class folders to the class path.")
public final class JarsMagic extends Magic {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Jar files, globs of jars, or class folders")
    List<String> paths = new ArrayList<>();

    @Override
    protected Object run(MagicContext ctx, String body) {
        List<Path> found = new ArrayList<>();
        for (String p : paths) {
            List<Path> matches = expand(p);
            if (matches.isEmpty()) {
                throw new CellError("FileNotFoundError", List.of("no jar or folder matches " + p + " (from "
                        + Path.of("").toAbsolutePath() + ")"));
            }
            found.addAll(matches);
        }
        found.forEach(ctx.session()::addToClasspath);
        List<Path> all = ctx.session().addedClasspath();
        StringBuilder b = new StringBuilder(found.isEmpty() ? "added to the class path in this session:"
                : "added " + found.size() + " entr" + (found.size() == 1 ? "y" : "ies") + "; class path additions now:");
        all.forEach(p -> b.append("\n  ").append(p));
        return new PlainText(b.toString());
    }

    static List<Path> expand(String pattern) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            Path p = Path.of(pattern);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path path = Path.of(pattern);
        Path dir = path.getParent() == null ? Path.of("") : path.getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
        try (Stream<Path> s = Files.list(dir.toString().isEmpty() ? Path.of(".") : dir)) {
            return s.filter(f -> m.matches(f.getFileName())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
