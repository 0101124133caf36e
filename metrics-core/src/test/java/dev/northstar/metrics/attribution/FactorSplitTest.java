package dev.northstar.metrics.attribution;

import static dev.northstar.metrics.definition.Formula.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.definition.Formula;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FactorSplitTest {
    private static final Formula TPV = Formula.product(ref("active_payers"), ref("tx_per_payer"), ref("average_ticket"));

    private static Optional<FactorAttribution> split(Formula f, Map<String, Double> before, Map<String, Double> after) {
        return FactorSplit.split("node", f, m -> before.containsKey(m) ? OptionalDouble.of(before.get(m)) : OptionalDouble.empty(),
                m -> after.containsKey(m) ? OptionalDouble.of(after.get(m)) : OptionalDouble.empty());
    }

    private static double contribution(FactorAttribution a, String metric) {
        return a.factors().stream().filter(f -> f.metric().equals(metric)).findFirst().orElseThrow().contribution();
    }

    @Test
    void payersAndTransactionsPerPayerUpTenPercentEachGiveTpvUpTwentyOnePercentSplitEvenly() {
        FactorAttribution a = split(TPV,
                Map.of("active_payers", 1000.0, "tx_per_payer", 2.0, "average_ticket", 100.0),
                Map.of("active_payers", 1100.0, "tx_per_payer", 2.2, "average_ticket", 100.0)).orElseThrow();

        assertThat(a.change() / a.prior()).isCloseTo(0.21, within(1e-12));
        assertThat(contribution(a, "active_payers")).isCloseTo(a.change() / 2, within(1e-9));
        assertThat(contribution(a, "tx_per_payer")).isCloseTo(a.change() / 2, within(1e-9));
        assertThat(contribution(a, "average_ticket")).isZero();
        assertThat(a.factors().get(0).share()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(a.methods()).containsExactly(Method.LMDI);
    }

    @Test
    void aRatiosDenominatorContributesAgainstItsOwnChange() {
        FactorAttribution a = split(Formula.ratio(ref("tpv"), ref("transactions")),
                Map.of("tpv", 1000.0, "transactions", 10.0), Map.of("tpv", 1000.0, "transactions", 20.0)).orElseThrow();

        assertThat(a.change()).isEqualTo(-50.0);
        assertThat(contribution(a, "transactions")).isCloseTo(-50, within(1e-9));
        assertThat(contribution(a, "tpv")).isZero();
    }

    @Test
    void sumsAndDifferencesSplitAdditively() {
        FactorAttribution a = split(Formula.difference(Formula.sum(ref("card"), ref("wallet")), ref("refunds")),
                Map.of("card", 100.0, "wallet", 50.0, "refunds", 10.0),
                Map.of("card", 120.0, "wallet", 40.0, "refunds", 30.0)).orElseThrow();

        assertThat(a.change()).isEqualTo(-10.0);
        assertThat(contribution(a, "card")).isEqualTo(20.0);
        assertThat(contribution(a, "wallet")).isEqualTo(-10.0);
        assertThat(contribution(a, "refunds")).isEqualTo(-20.0);
        assertThat(a.methods()).containsExactly(Method.ADDITIVE);
    }

    @Test
    void aFactorThatWasZeroTakesTheWholeChangeInTheLimit() {
        FactorAttribution a = split(TPV,
                Map.of("active_payers", 0.0, "tx_per_payer", 2.0, "average_ticket", 100.0),
                Map.of("active_payers", 50.0, "tx_per_payer", 3.0, "average_ticket", 90.0)).orElseThrow();

        assertThat(a.change()).isEqualTo(13_500.0);
        assertThat(contribution(a, "active_payers")).isEqualTo(13_500.0);
        assertThat(contribution(a, "tx_per_payer")).isZero();
        assertThat(a.methods()).containsExactly(Method.LMDI_ZERO_LIMIT);
    }

    @Test
    void twoFactorsThatFallToZeroShareTheFallEqually() {
        double[] parts = Lmdi.product(new double[] {10, 4, 5}, new double[] {0, 0, 6});

        assertThat(parts).containsExactly(-100, -100, 0);
    }

    @Test
    void aFactorThatChangesSignFallsBackToExactShapleyValues() {
        FactorAttribution a = split(Formula.product(ref("margin"), ref("volume")),
                Map.of("margin", -2.0, "volume", 100.0), Map.of("margin", 3.0, "volume", 120.0)).orElseThrow();

        // Shapley: margin = ½(Δm·v0 + Δm·v1) = 550; volume = ½(m0·Δv + m1·Δv) = 10
        assertThat(a.change()).isEqualTo(560.0);
        assertThat(contribution(a, "margin")).isCloseTo(550, within(1e-9));
        assertThat(contribution(a, "volume")).isCloseTo(10, within(1e-9));
        assertThat(a.methods()).containsExactly(Method.SHAPLEY);
    }

    @Test
    void negativeFactorsThatKeepTheirSignStillSplitByLmdi() {
        FactorAttribution a = split(Formula.product(ref("loss"), ref("count")),
                Map.of("loss", -2.0, "count", 100.0), Map.of("loss", -3.0, "count", 100.0)).orElseThrow();

        assertThat(a.change()).isEqualTo(-100.0);
        assertThat(contribution(a, "loss")).isCloseTo(-100, within(1e-9));
        assertThat(a.methods()).containsExactly(Method.LMDI);
    }

    @Test
    void givesNoDataWhenAFactorIsMissingOrADenominatorIsZero() {
        assertThat(split(TPV, Map.of("active_payers", 1.0, "tx_per_payer", 2.0),
                Map.of("active_payers", 1.0, "tx_per_payer", 2.0, "average_ticket", 3.0))).isEmpty();
        assertThat(split(Formula.ratio(ref("a"), ref("b")), Map.of("a", 1.0, "b", 0.0), Map.of("a", 1.0, "b", 1.0)))
                .isEmpty();
    }

    @Test
    void anUnchangedFormulaHasNoSharesAndNoNaN() {
        Map<String, Double> same = new HashMap<>(Map.of("active_payers", 5.0, "tx_per_payer", 2.0, "average_ticket", 3.0));
        FactorAttribution a = split(TPV, same, same).orElseThrow();

        assertThat(a.change()).isZero();
        assertThat(a.factors()).allSatisfy(f -> {
            assertThat(f.contribution()).isZero();
            assertThat(f.share()).isEmpty();
        });
    }

    @Test
    void refusesNegativeOrNonFiniteLmdiFactors() {
        assertThatThrownBy(() -> Lmdi.product(new double[] {-1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lmdi.logMean(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Lmdi.logMean(2, 2)).isEqualTo(2);
        assertThat(Lmdi.logMean(2, 0)).isZero();
        assertThat(Lmdi.logMean(Math.E, 1)).isCloseTo(Math.E - 1, within(1e-15));
    }
}
