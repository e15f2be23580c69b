package io.servesim.kernel.render;

/** Text a magic wants shown as is (text/plain only). */
public record PlainText(String text) {
    @Override
    public String toString() {
        return text;
    }
}
