package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates fill named placeholders, escaping text and keeping rendered HTML as is. */
class HtmlTemplateTest {
    @Test
    void escapesTextPlaceholdersAndKeepsRenderedHtml() {
        String row = HtmlTemplate.named("card-row").render(Map.of("name", "a<b", "value", "'1' & 2", "unit", "ms"));
        assertThat(row).isEqualTo("<tr><td>a&lt;b</td><td style='text-align:right'>&#39;1&#39; &amp; 2</td>"
                + "<td>ms</td></tr>");
        String card = HtmlTemplate.named("card").render(Map.of("title", "t", "rows", row));
        assertThat(card).contains("<table>" + row + "</table>").doesNotContain("\n").doesNotContain("  <");
    }

    @Test
    void refusesMissingOrUnknownValuesAndUnknownTemplates() {
        assertThatThrownBy(() -> HtmlTemplate.named("card-row").render(Map.of("name", "x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("card-row");
        assertThatThrownBy(() -> HtmlTemplate.named("sweep-no-feasible").render(Map.of("extra", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> HtmlTemplate.named("no-such-template")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-template");
    }
}
