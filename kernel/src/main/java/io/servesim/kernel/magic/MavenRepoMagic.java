package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.PlainText;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %mavenRepo ID URL}: adds a Maven repository that later {@code %maven} calls search after Central. */
@Command(name = "mavenRepo", mixinStandardHelpOptions = true, description = "Add a Maven repository for %maven.")
public final class MavenRepoMagic extends Magic {
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1", paramLabel = "URL") String url;

    @Override
    protected Object run(MagicContext ctx, String body) {
        if (!url.matches("(?i)(https?|file)://.+")) {
            throw new CellError("UsageError", List.of("URL is \"" + url + "\"; allowed: an http(s):// or file:// URL",
                    "", usage()));
        }
        MavenResolver.addRepository(id, url);
        return new PlainText("%maven now searches " + MavenResolver.repositories().stream().map(r -> r.getId()
                + " (" + r.getUrl() + ")").toList());
    }
}
