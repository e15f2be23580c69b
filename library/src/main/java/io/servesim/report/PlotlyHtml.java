package io.servesim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * Renders a tablesaw-jsplot {@link Figure} as HTML that works offline and on its own: every output that holds charts
 * carries plotly.js (from the plotly.js-dist package on the class path, never a CDN) gzip-compressed, so any output
 * of a saved notebook or an nbconvert page draws even when the others were cleared. The payload is unpacked at most
 * once per page: a loader skips it when {@code window.Plotly} (or a pending unpack) already exists. Where scripts do
 * not run (an untrusted notebook), a line asks to run the cell or trust the notebook.
 */
public final class PlotlyHtml {
    /** plotly.js as the plotly.js-dist webjar holds it (the build gzips it into {@link #PACKED_RESOURCE}). */
    static final String PLOTLY_RESOURCE = "META-INF/resources/webjars/plotly.js-dist/3.3.1/plotly.js";
    /** plotly.js gzipped by the build (library/pom.xml), next to this class. */
    static final String PACKED_RESOURCE = "plotly.js.gz";
    private static final AtomicInteger IDS = new AtomicInteger();
    /** tablesaw-jsplot writes {@code title: 'x'}; plotly.js 3 only reads {@code title: {text: 'x'}}. */
    private static final Pattern TITLE = Pattern.compile("title: ('(?:[^'\\\\]|\\\\.)*')");
    private static volatile String packedLibrary;

    private PlotlyHtml() {
    }

    /** Returns one self-contained output: plotly.js's loader followed by {@code body} (HTML holding charts). */
    public static String standalone(String body) {
        return loader() + body;
    }

    /** Returns a self-contained output holding one chart. */
    public static String html(Figure figure, String description) {
        return standalone(chart(figure, description));
    }

    /**
     * Returns the chart's div and drawing script without plotly.js; wrap the output it goes into with
     * {@link #standalone}.
     */
    public static String chart(Figure figure, String description) {
        String id = "servesim_chart_" + ProcessHandle.current().pid() + "_" + IDS.incrementAndGet();
        String script = TITLE.matcher(figure.asJavascript(id).replace("<script>", "").replace("</script>", ""))
                .replaceAll("title: {text: $1}");
        return HtmlTemplate.named("chart").render(Map.of("id", id, "description", description, "script", script));
    }

    /**
     * Returns the script that unpacks plotly.js unless the page already has it (or is unpacking it). The payload sits
     * in a non-executed element so pages that already have plotly.js do not even parse it; AMD loaders (classic
     * Notebook's require.js) are hidden while plotly.js runs so that it defines {@code window.Plotly}.
     */
    static String loader() {
        String id = "servesim_plotly_" + ProcessHandle.current().pid() + "_" + IDS.incrementAndGet();
        return HtmlTemplate.named("plotly-loader").render(Map.of("id", id, "payload", packed()));
    }

    private static String packed() {
        String p = packedLibrary;
        if (p == null) {
            synchronized (PlotlyHtml.class) {
                if (packedLibrary == null) {
                    packedLibrary = pack();
                }
                p = packedLibrary;
            }
        }
        return p;
    }

    /** Returns plotly.js gzip-compressed (by the build: {@value #PACKED_RESOURCE}) and Base64-encoded. */
    static String pack() {
        try (InputStream packed = PlotlyHtml.class.getResourceAsStream(PACKED_RESOURCE)) {
            if (packed == null) {
                throw new IllegalStateException("plotly.js is missing from the class path (" + PACKED_RESOURCE
                        + " next to " + PlotlyHtml.class.getName() + ", written by the build)");
            }
            return Base64.getEncoder().encodeToString(packed.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
