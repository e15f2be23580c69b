package io.servesim.kernel.magic;

import io.servesim.report.HtmlTemplate;
import java.util.Map;

/** The live progress lines of {@code %sweep} and {@code %study}, from the templates in {@code progress.html}. */
final class ProgressHtml {
    private ProgressHtml() {
    }

    /** Returns the template {@code name} filled with {@code values} (text values are escaped). */
    static String render(String name, Map<String, ?> values) {
        return HtmlTemplate.named(ProgressHtml.class, "progress.html", name).render(values);
    }
}
