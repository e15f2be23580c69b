package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.PlainText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.resolution.DependencyResolutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %maven GROUP:ARTIFACT:VERSION...}: resolves artifacts and their runtime dependencies with Apache Maven
 * Resolver (local repository first, then Maven Central and {@code %mavenRepo} repositories) and adds the jars to the
 * session's class path.
 */
@Command(name = "maven", mixinStandardHelpOptions = true,
        description = "Add Maven artifacts (group:artifact:version) and their dependencies to the class path.")
public final class MavenMagic extends Magic {
    @Parameters(arity = "1..*", paramLabel = "COORDINATES", description = "group:artifact[:extension[:classifier]]:version")
    List<String> coordinates;

    @Option(names = "--offline", description = "Use the local repository (~/.m2/repository) only")
    boolean offline;

    @Override
    protected Object run(MagicContext ctx, String body) {
        List<Path> added = new ArrayList<>();
        for (String c : coordinates) {
            if (c.split(":").length < 3) {
                throw new CellError("UsageError", List.of("\"" + c + "\" is not group:artifact:version", "", usage()));
            }
            List<Path> jars;
            try {
                jars = MavenResolver.resolve(c, offline);
            } catch (DependencyResolutionException e) {
                throw new CellError("MavenResolutionError", List.of("cannot resolve " + c + ": " + reason(e),
                        offline ? "(--offline: only " + MavenResolver.localRepository() + " was searched)"
                                : "searched " + MavenResolver.localRepository() + " and "
                                + MavenResolver.repositories().stream().map(r -> r.getUrl()).toList()
                                + "; without network access only artifacts already in the local repository resolve"));
            }
            jars.forEach(ctx.session()::addToClasspath);
            added.addAll(jars);
        }
        StringBuilder b = new StringBuilder("added " + added.size() + " jar" + (added.size() == 1 ? "" : "s")
                + " to the class path:");
        added.forEach(p -> b.append("\n  ").append(p.getFileName()));
        return new PlainText(b.toString());
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
