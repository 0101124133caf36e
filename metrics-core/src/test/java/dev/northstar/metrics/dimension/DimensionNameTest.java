package dev.northstar.metrics.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DimensionNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"region", "funding_source", "a", "bank2", "x_1_y"})
    void acceptsLowerSnakeCase(String name) {
        assertThat(Dimension.checkName(name, "dimension")).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Region", "2fa", "_region", "funding-source", "funding source", "région"})
    void refusesAnythingElseNamingTheValue(String name) {
        assertThatThrownBy(() -> Dimension.open(name, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension name")
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void refusesANameLongerThanSixtyFourCharacters() {
        assertThat(Dimension.checkName("a".repeat(64), "dimension")).hasSize(64);
        assertThatThrownBy(() -> Dimension.bool("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
