package dev.northstar.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import dev.northstar.metrics.definition.Formula;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class LmdiProperties {

    private static double relativeGap(double sum, double change) {
        return Math.abs(sum - change) / Math.max(Math.abs(change), 1e-300);
    }

    @Property(tries = 2000)
    void contributionsOfRandomPositiveFactorsSumToTheChangeOfTheProduct(
            @ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 1e-3, max = 1e6) @net.jqwik.api.constraints.Scale(6) Double> prior,
            @ForAll @Size(min = 6, max = 6) List<@DoubleRange(min = 0.2, max = 5) Double> growth) {
        double[] p = prior.stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = new double[p.length];
        double v0 = 1;
        double v1 = 1;
        for (int i = 0; i < p.length; i++) {
            c[i] = p[i] * growth.get(i);
            v0 *= p[i];
            v1 *= c[i];
        }

        double[] parts = Lmdi.product(p, c);

        double sum = 0;
        for (double x : parts) {
            sum += x;
        }
        // relative to the product, not to its change: growths that cancel (0.2 x 5) leave a change
        // of rounding size, which no sum of parts can match to 1e-9 of itself
        assertThat(Math.abs(sum - (v1 - v0))).isLessThanOrEqualTo(1e-9 * Math.max(v0, v1));
    }

    @Property(tries = 1000)
    void eachFactorsContributionHasTheSignOfItsOwnChange(
            @ForAll @DoubleRange(min = 1, max = 1e4) double a0, @ForAll @DoubleRange(min = 1, max = 1e4) double a1,
            @ForAll @DoubleRange(min = 1, max = 1e4) double b0, @ForAll @DoubleRange(min = 1, max = 1e4) double b1) {
        double[] parts = Lmdi.product(new double[] {a0, b0}, new double[] {a1, b1});

        assertThat(Math.signum(parts[0])).isEqualTo(Math.signum(a1 - a0));
        assertThat(Math.signum(parts[1])).isEqualTo(Math.signum(b1 - b0));
    }

    @Property(tries = 1000)
    void aNestedFormulaSplitsExactlyToo(
            @ForAll @DoubleRange(min = 1, max = 1e5) double payers0, @ForAll @DoubleRange(min = 1, max = 1e5) double payers1,
            @ForAll @DoubleRange(min = 1, max = 1e5) double tx0, @ForAll @DoubleRange(min = 1, max = 1e5) double tx1,
            @ForAll @DoubleRange(min = 0, max = 1e5) double refunds0, @ForAll @DoubleRange(min = 0, max = 1e5) double refunds1,
            @ForAll @DoubleRange(min = 1e5, max = 1e7) double value0, @ForAll @DoubleRange(min = 1e5, max = 1e7) double value1) {
        // net value per transaction × transactions per payer × payers
        Formula f = Formula.product(
                Formula.ratio(Formula.difference(Formula.ref("value"), Formula.ref("refunds")), Formula.ref("tx")),
                Formula.ratio(Formula.ref("tx"), Formula.ref("payers")),
                Formula.ref("payers"));
        Map<String, Double> before = Map.of("payers", payers0, "tx", tx0, "refunds", refunds0, "value", value0);
        Map<String, Double> after = Map.of("payers", payers1, "tx", tx1, "refunds", refunds1, "value", value1);

        FactorAttribution split = FactorSplit.split("net", f, m -> OptionalDouble.of(before.get(m)),
                m -> OptionalDouble.of(after.get(m))).orElseThrow();

        double sum = split.factors().stream().mapToDouble(FactorContribution::contribution).sum();
        double expected = (value1 - refunds1) - (value0 - refunds0);
        assertThat(split.change()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6 * Math.abs(value0)));
        assertThat(relativeGap(sum, split.change())).isLessThanOrEqualTo(1e-9);
        // payers and tx cancel out of the product: what is left of them is rounding
        assertThat(split.factors().stream().filter(x -> x.metric().equals("payers")).findFirst().orElseThrow()
                .contribution()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-6 * Math.abs(value0)));
    }
}
