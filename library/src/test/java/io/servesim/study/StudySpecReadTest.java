package io.servesim.study;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study files are read with the spec loader's checks: each bad file fails in one line naming it. */
class StudySpecReadTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileNamesTheFlag() {
        Path none = dir.resolve("none.yaml");
        assertThatThrownBy(() -> StudySpec.read(none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--spec: " + none + ": no such file");
    }

    @Test
    void aFolderABinaryAndAnOversizedFileAreNamed() throws Exception {
        assertThatThrownBy(() -> StudySpec.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir + ": is a folder; expected a spec file (.yaml, .yml, .json)");
        Path binary = Files.write(dir.resolve("b.yaml"), new byte[] {0, 1, 2, (byte) 0xff});
        assertThatThrownBy(() -> StudySpec.read(binary)).hasMessageContaining("is not a text file");
        Path big = Files.writeString(dir.resolve("big.yaml"), "#".repeat((int) Limits.MAX_SPEC_BYTES + 1));
        assertThatThrownBy(() -> StudySpec.read(big)).hasMessageContaining("allowed: a spec of at most");
    }
}
