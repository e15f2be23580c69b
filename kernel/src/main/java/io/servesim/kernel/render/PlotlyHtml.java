package io.servesim.kernel.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import tech.tablesaw.plotly.components.Figure;

/**
 * Renders a tablesaw-jsplot {@link Figure} as HTML that works offline: plotly.js (from the plotly.js-dist package
 * on the class path, never a CDN) is embedded gzip-compressed in the first chart of a session and unpacked by the
 * browser; later charts wait for it. Where JavaScript does not run, a short text description stays visible.
 */
public final class PlotlyHtml {
    static final String PLOTLY_RESOURCE = "META-INF/resources/webjars/plotly.js-dist/3.3.1/plotly.js";
    private static final AtomicInteger IDS = new AtomicInteger();
    /** tablesaw-jsplot writes {@code title: 'x'}; plotly.js 3 only reads {@code title: {text: 'x'}}. */
    private static final java.util.regex.Pattern TITLE = java.util.regex.Pattern.compile("title: ('(?:[^'\\\\]|\\\\.)*')");
    private static final AtomicBoolean LIBRARY_SENT = new AtomicBoolean();
    private static volatile String packedLibrary;

    private PlotlyHtml() {
    }

    /** Returns the chart's HTML; embeds plotly.js the first time in this session (or when {@code withLibrary}). */
    public static String html(Figure figure, String description, boolean withLibrary) {
        String id = "servesim_chart_" + ProcessHandle.current().pid() + "_" + IDS.incrementAndGet();
        String script = TITLE.matcher(figure.asJavascript(id).replace("<script>", "").replace("</script>", ""))
                .replaceAll("title: {text: $1}");
        StringBuilder b = new StringBuilder();
        if (withLibrary || LIBRARY_SENT.compareAndSet(false, true)) {
            b.append(loader());
        }
        b.append("<div class='servesim-chart'><div id='").append(id).append("'>")
                .append("<div class='servesim-chart-fallback' style='color:#666'>[chart: ")
                .append(Html.escape(description)).append(" — interactive, needs JavaScript]</div></div></div>");
        b.append("<script>(function(){var draw=function(){var d=document.getElementById('").append(id)
                .append("');if(!d){return;}d.innerHTML='';").append(script)
                .append("};if(window.Plotly){draw();}else if(window.__servesimPlotly){window.__servesimPlotly.then(draw);}"
                        + "})();</script>");
        return b.toString();
    }

    /** Returns the script that unpacks plotly.js once per page. */
    static String loader() {
        return "<script>window.__servesimPlotly=window.__servesimPlotly||(window.Plotly?Promise.resolve(window.Plotly):"
                + "(async function(){var b=atob('" + packed() + "');var a=new Uint8Array(b.length);"
                + "for(var i=0;i<b.length;i++){a[i]=b.charCodeAt(i);}"
                + "var s=new Blob([a]).stream().pipeThrough(new DecompressionStream('gzip'));"
                + "var code=await new Response(s).text();(0,eval)(code);return window.Plotly;})());</script>";
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

    private static String pack() {
        try (InputStream in = PlotlyHtml.class.getClassLoader().getResourceAsStream(PLOTLY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js is missing from the class path (" + PLOTLY_RESOURCE + ")");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(3 << 20);
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
                in.transferTo(gz);
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets that the library was sent (a restarted session or a fresh document). */
    public static void resetSession() {
        LIBRARY_SENT.set(false);
    }
}
