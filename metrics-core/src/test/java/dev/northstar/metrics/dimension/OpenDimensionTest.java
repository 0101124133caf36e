package dev.northstar.metrics.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenDimensionTest {
    private final OpenDimension bank = Dimension.open("bank", 3);

    @Test
    void assignsCodesInOrderOfFirstSight() {
        assertThat(bank.code("ICBC")).isZero();
        assertThat(bank.code("CMB")).isEqualTo(1);
        assertThat(bank.code("BOC")).isEqualTo(2);
        assertThat(bank.assignedCount()).isEqualTo(3);
    }

    @Test
    void keepsACodeOnceAssigned() {
        int icbc = bank.code("ICBC");
        bank.code("CMB");
        assertThat(bank.code("ICBC")).isEqualTo(icbc);
        assertThat(bank.codeOfAny("ICBC")).isEqualTo(icbc);
        assertThat(bank.assignedCount()).isEqualTo(2);
    }

    @Test
    void reservesOtherAtTheLimitAndUnknownJustAfter() {
        assertThat(bank.size()).isEqualTo(5);
        assertThat(bank.otherCode()).isEqualTo(3);
        assertThat(bank.unknownCode()).isEqualTo(4);
        assertThat(bank.label(3)).isEqualTo(Dimension.OTHER);
        assertThat(bank.label(4)).isEqualTo(Dimension.UNKNOWN);
    }

    @Test
    void foldsValuesPastTheLimitIntoOtherAndCountsEachOccurrence() {
        bank.code("ICBC");
        bank.code("CMB");
        bank.code("BOC");

        assertThat(bank.code("ABC")).isEqualTo(bank.otherCode());
        assertThat(bank.code("ABC")).isEqualTo(bank.otherCode());
        assertThat(bank.code("CCB")).isEqualTo(bank.otherCode());

        assertThat(bank.folded()).isEqualTo(3);
        assertThat(bank.assignedCount()).isEqualTo(3);
        assertThat(bank.code("CMB")).isEqualTo(1);
    }

    @Test
    void doesNotCountFoldsBeforeTheLimitIsReached() {
        bank.code("ICBC");
        bank.code("ICBC");
        assertThat(bank.folded()).isZero();
    }

    @Test
    void mapsNullEmptyAndOverlongValuesToUnknownWithoutUsingACode() {
        assertThat(bank.code(null)).isEqualTo(bank.unknownCode());
        assertThat(bank.code("")).isEqualTo(bank.unknownCode());
        assertThat(bank.code("x".repeat(OpenDimension.MAX_VALUE_LENGTH + 1))).isEqualTo(bank.unknownCode());
        assertThat(bank.assignedCount()).isZero();
        assertThat(bank.code("x".repeat(OpenDimension.MAX_VALUE_LENGTH))).isZero();
    }

    @Test
    void mapsTheReservedLabelsToTheirReservedCodes() {
        assertThat(bank.code(Dimension.OTHER)).isEqualTo(bank.otherCode());
        assertThat(bank.code(Dimension.UNKNOWN)).isEqualTo(bank.unknownCode());
        assertThat(bank.assignedCount()).isZero();
        assertThat(bank.folded()).isZero();
    }

    @Test
    void mapsAValueOfAnotherTypeToUnknownAndDoesNotAcceptIt() {
        assertThat(bank.codeOfAny(42)).isEqualTo(bank.unknownCode());
        assertThat(bank.codeOfAny(new StringBuilder("ICBC"))).isEqualTo(bank.unknownCode());
        assertThat(bank.accepts(42)).isFalse();
        assertThat(bank.accepts(null)).isTrue();
        assertThat(bank.assignedCount()).isZero();
    }

    @Test
    void labelsRoundTripThroughCodes() {
        bank.code("ICBC");
        bank.code("CMB");
        for (int code = 0; code < bank.size(); code++) {
            if (code >= bank.assignedCount() && code < bank.limit()) {
                continue; // not assigned yet
            }
            assertThat(bank.codeOfLabel(bank.label(code))).isEqualTo(code);
        }
        assertThat(bank.label(bank.code("CMB"))).isEqualTo("CMB");
    }

    @Test
    void labelsACodeNotYetAssignedAsUnknown() {
        assertThat(bank.label(1)).isEqualTo(Dimension.UNKNOWN);
        assertThat(bank.label(-1)).isEqualTo(Dimension.UNKNOWN);
    }

    @Test
    void refusesALimitOutsideOneToMaxLimit() {
        assertThatThrownBy(() -> Dimension.open("bank", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bank");
        assertThatThrownBy(() -> Dimension.open("bank", OpenDimension.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bank");
        assertThat(Dimension.open("bank", 1).size()).isEqualTo(3);
    }

    @Test
    void isEqualToAnotherOfTheSameNameAndLimit() {
        assertThat(Dimension.open("bank", 3)).isEqualTo(bank).hasSameHashCodeAs(bank);
        assertThat(Dimension.open("bank", 4)).isNotEqualTo(bank);
        assertThat(bank.type()).isEqualTo(Dimension.DimensionType.OPEN);
    }
}
