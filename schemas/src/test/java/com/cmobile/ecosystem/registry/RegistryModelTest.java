package com.cmobile.ecosystem.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryModelTest {

    private static final String POP = "{\"type\":\"record\",\"name\":\"Pop\",\"fields\":[]}";
    private static final String PARTNER = "{\"type\":\"record\",\"name\":\"Partner\",\"fields\":[]}";

    private final RegistryModel model = new RegistryModel();

    @Test
    void newIdFollowsTheHighestStoredIdSoAReplayContinuesTheSequence() {
        // given versions replayed from storage with a gap in the ids
        model.put("pop-value", 1, 7, POP, Optional.empty());

        // when
        var planned = model.plan("partner-value", PARTNER);

        // then
        assertThat(planned).isEqualTo(new RegistryModel.Registration(8, 1, true));
    }

    @Test
    void anEqualSchemaUnderAnotherSubjectKeepsItsIdInANewVersion() {
        model.put("a-value", 1, 1, POP, Optional.empty());

        assertThat(model.plan("b-value", POP)).isEqualTo(new RegistryModel.Registration(1, 1, true));
    }

    @Test
    void aSchemaAlreadyUnderTheSubjectNeedsNoNewVersion() {
        model.put("a-value", 1, 1, POP, Optional.empty());
        model.put("a-value", 2, 2, PARTNER, Optional.empty());

        assertThat(model.plan("a-value", POP)).isEqualTo(new RegistryModel.Registration(1, 1, false));
    }

    @Test
    void planningChangesNothing() {
        model.plan("a-value", POP);

        assertThat(model.subjects()).isEmpty();
        assertThat(model.idOf(POP)).isEmpty();
    }

    @Test
    void subjectLevelOverridesTheGlobalOneWhichDefaultsToBackward() {
        assertThat(model.effectiveCompatibility("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);

        model.setGlobalCompatibility(CompatibilityLevel.FULL);
        model.setSubjectCompatibility("a-value", CompatibilityLevel.NONE);

        assertThat(model.effectiveCompatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(model.effectiveCompatibility("b-value")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void aSchemaStoredAsTextIsParsedWhenAsked() {
        model.put("a-value", 1, 1, POP, Optional.empty());

        assertThat(model.schemaById(1)).hasValueSatisfying(schema -> assertThat(schema.getName()).isEqualTo("Pop"));
        assertThat(model.schemaById(2)).isEmpty();
    }
}
