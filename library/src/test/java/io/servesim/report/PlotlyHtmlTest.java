package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PlotlyHtmlTest {
    @Test
    void theBuildStoresPlotlyGzippedAndThePayloadUnpacksToTheWebjarsFile() throws Exception {
        assertThat(PlotlyHtml.class.getResource(PlotlyHtml.PACKED_RESOURCE))
                .as("the build's gzip of plotly.js").isNotNull();
        byte[] original;
        try (InputStream in = PlotlyHtml.class.getClassLoader().getResourceAsStream(PlotlyHtml.PLOTLY_RESOURCE)) {
            original = in.readAllBytes();
        }
        byte[] unpacked;
        try (InputStream in = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(PlotlyHtml.pack())))) {
            unpacked = in.readAllBytes();
        }
        assertThat(original.length).isGreaterThan(1_000_000);
        assertThat(unpacked).isEqualTo(original);
    }
}
