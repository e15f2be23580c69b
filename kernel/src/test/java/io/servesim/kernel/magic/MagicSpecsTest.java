package io.servesim.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.PlainText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code %sweep} and {@code %replay} take their spec from a variable or {@code --spec FILE} the same way. */
class MagicSpecsTest {
    @Test
    void bothMagicsOfferNameAndSpecFile() throws Exception {
        for (Magic m : List.of(new SweepMagic(), new ReplayMagic())) {
            Object help = m.invoke(null, List.of("--help"), "");
            assertThat(((PlainText) help).text()).contains("[NAME]").contains("--spec=FILE");
        }
    }

    @Test
    void aVariableAndAFileAreOneTooMany() {
        assertThatThrownBy(() -> new ReplayMagic().invoke(null, List.of("spec", "--spec", "a.yaml", "--tp", "1"), ""))
                .isInstanceOf(CellError.class).hasMessageContaining("not both");
    }

    @Test
    void aMissingFileFailsAsOnTheCommandLine() {
        assertThatThrownBy(() -> new SweepMagic().invoke(null, List.of("--spec", "/no/such/spec.yaml"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--spec: file /no/such/spec.yaml does not exist");
    }
}
