package dev.northstar.metrics.dimension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BooleanDimensionTest {
    private final BooleanDimension crossBorder = Dimension.bool("cross_border");

    @Test
    void codesFalseZeroTrueOneUnknownTwo() {
        assertThat(crossBorder.size()).isEqualTo(3);
        assertThat(crossBorder.code(Boolean.FALSE)).isZero();
        assertThat(crossBorder.code(Boolean.TRUE)).isEqualTo(1);
        assertThat(crossBorder.code((Boolean) null)).isEqualTo(2);
        assertThat(crossBorder.unknownCode()).isEqualTo(2);
    }

    @Test
    void codesAPrimitiveBooleanTheSameAsItsBox() {
        assertThat(crossBorder.code(true)).isEqualTo(crossBorder.code(Boolean.TRUE));
        assertThat(crossBorder.code(false)).isEqualTo(crossBorder.code(Boolean.FALSE));
    }

    @Test
    void mapsAValueOfAnotherTypeToUnknownAndDoesNotAcceptIt() {
        assertThat(crossBorder.codeOfAny("true")).isEqualTo(2);
        assertThat(crossBorder.codeOfAny(1)).isEqualTo(2);
        assertThat(crossBorder.accepts("true")).isFalse();
        assertThat(crossBorder.accepts(null)).isTrue();
        assertThat(crossBorder.accepts(true)).isTrue();
    }

    @Test
    void labelsRoundTripThroughCodes() {
        assertThat(crossBorder.label(0)).isEqualTo("false");
        assertThat(crossBorder.label(1)).isEqualTo("true");
        assertThat(crossBorder.label(2)).isEqualTo(Dimension.UNKNOWN);
        for (int code = 0; code < crossBorder.size(); code++) {
            assertThat(crossBorder.codeOfLabel(crossBorder.label(code))).isEqualTo(code);
        }
    }

    @Test
    void anUnknownLabelReadsAsUnknown() {
        assertThat(crossBorder.codeOfLabel("yes")).isEqualTo(2);
        assertThat(crossBorder.label(7)).isEqualTo(Dimension.UNKNOWN);
    }
}
