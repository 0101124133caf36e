package dev.northstar.metrics.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FormulaTest {
    private final Formula averageTicket = Formula.ratio(Formula.ref("tpv"), Formula.ref("transactions"));

    private static OptionalDouble eval(Formula f, Map<String, OptionalDouble> values) {
        return f.evaluate(name -> values.getOrDefault(name, OptionalDouble.empty()));
    }

    @Test
    void dividesItsOperands() {
        assertThat(eval(averageTicket, Map.of("tpv", OptionalDouble.of(300), "transactions", OptionalDouble.of(4))))
                .hasValue(75);
    }

    @Test
    void isEmptyOnDivisionByZeroNeverNaNOrInfinite() {
        assertThat(eval(averageTicket, Map.of("tpv", OptionalDouble.of(300), "transactions", OptionalDouble.of(0))))
                .isEmpty();
        assertThat(eval(averageTicket, Map.of("tpv", OptionalDouble.of(0), "transactions", OptionalDouble.of(0))))
                .isEmpty();
    }

    @Test
    void isEmptyWhenAnOperandIsMissing() {
        assertThat(eval(averageTicket, Map.of("tpv", OptionalDouble.of(300)))).isEmpty();
        assertThat(eval(Formula.sum(Formula.ref("a"), Formula.ref("b")), Map.of("a", OptionalDouble.of(1))))
                .isEmpty();
    }

    @Test
    void isEmptyWhenAnIntermediateOverflowsToInfinity() {
        Formula square = Formula.product(Formula.ref("a"), Formula.ref("a"));
        assertThat(eval(square, Map.of("a", OptionalDouble.of(1e200)))).isEmpty();
    }

    @Test
    void listsTheMetricsItReadsInOrderOfFirstAppearance() {
        Formula tpv = Formula.product(Formula.ref("payers"), Formula.ratio(Formula.ref("tx"), Formula.ref("payers")),
                Formula.ref("ticket"));
        assertThat(tpv.references()).containsExactly("payers", "tx", "ticket");
        assertThat(tpv.describe()).isEqualTo("payers * (tx / payers) * ticket");
    }

    @Test
    void refusesANonFiniteConstant() {
        assertThatThrownBy(() -> Formula.constant(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Formula.constant(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
