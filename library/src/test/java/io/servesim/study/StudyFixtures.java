package io.servesim.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The small study used by the study tests (2 models × 2 budgets, exhaustive, a 120-request workload). */
final class StudyFixtures {
    private StudyFixtures() {
    }

    static String smallStudyYaml() {
        try (InputStream in = StudyFixtures.class.getResourceAsStream("small-study.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StudySpec smallStudy() {
        return StudySpec.fromYaml(smallStudyYaml());
    }
}
