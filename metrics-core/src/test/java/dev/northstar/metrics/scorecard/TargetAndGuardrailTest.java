package dev.northstar.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.tree.Target;
import dev.northstar.metrics.tree.Threshold;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TargetAndGuardrailTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static Status target(Target t, double value, OptionalDouble prior, Direction d) {
        return TargetProgress.judge(t, OptionalDouble.of(value), prior, d).status();
    }

    private static Status guardrail(Threshold t, double value, double prior, Direction d, boolean significant) {
        OptionalDouble v = OptionalDouble.of(value);
        Change change = Change.between(v, OptionalDouble.of(prior), d);
        Significance s = significant ? Significance.sketch(value, value, value, prior, prior, prior, 0.05)
                : Significance.none("not tested");
        return GuardrailState.judge(t, v, change, s, d).status();
    }

    @Test
    void aLevelReachedIsOnTrackJustShortIsAtRiskFarShortIsOffTrack() {
        Target t = Target.level(0.97);

        assertThat(target(t, 0.975, NONE, Direction.HIGHER_IS_BETTER)).isEqualTo(Status.ON_TRACK);
        assertThat(target(t, 0.95, NONE, Direction.HIGHER_IS_BETTER)).isEqualTo(Status.AT_RISK);
        assertThat(target(t, 0.90, NONE, Direction.HIGHER_IS_BETTER)).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void forALowerIsBetterMetricBelowTheLevelIsOnTrack() {
        Target t = Target.level(200).atRiskWithin(0.10);

        assertThat(target(t, 150, NONE, Direction.LOWER_IS_BETTER)).isEqualTo(Status.ON_TRACK);
        assertThat(target(t, 215, NONE, Direction.LOWER_IS_BETTER)).isEqualTo(Status.AT_RISK);
        assertThat(target(t, 260, NONE, Direction.LOWER_IS_BETTER)).isEqualTo(Status.OFF_TRACK);
        assertThat(TargetProgress.judge(t, OptionalDouble.of(250), NONE, Direction.LOWER_IS_BETTER).progress())
                .hasValue(0.8);
    }

    @Test
    void aRelativeTargetIsJudgedAgainstThePriorValue() {
        Target plusFive = Target.relativeChange(0.05);

        assertThat(target(plusFive, 106, OptionalDouble.of(100), Direction.HIGHER_IS_BETTER)).isEqualTo(Status.ON_TRACK);
        assertThat(target(plusFive, 103, OptionalDouble.of(100), Direction.HIGHER_IS_BETTER)).isEqualTo(Status.AT_RISK);
        assertThat(target(plusFive, 95, OptionalDouble.of(100), Direction.HIGHER_IS_BETTER)).isEqualTo(Status.OFF_TRACK);
        assertThat(TargetProgress.judge(plusFive, OptionalDouble.of(102.5), OptionalDouble.of(100),
                Direction.HIGHER_IS_BETTER).progress().getAsDouble()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(target(plusFive, 103, NONE, Direction.HIGHER_IS_BETTER)).isEqualTo(Status.NO_DATA);
    }

    @Test
    void aNeutralMetricIsOnTrackOnlyNearItsLevel() {
        Target t = Target.level(100);

        assertThat(target(t, 103, NONE, Direction.NEUTRAL)).isEqualTo(Status.ON_TRACK);
        assertThat(target(t, 97, NONE, Direction.NEUTRAL)).isEqualTo(Status.ON_TRACK);
        assertThat(target(t, 120, NONE, Direction.NEUTRAL)).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void atMostAndAtLeastGuardrailsBreachPastTheirLimits() {
        assertThat(guardrail(Threshold.atMost(0.01), 0.011, 0.005, Direction.LOWER_IS_BETTER, false))
                .isEqualTo(Status.BREACHED);
        assertThat(guardrail(Threshold.atMost(0.01), 0.009, 0.009, Direction.LOWER_IS_BETTER, false))
                .isEqualTo(Status.ON_TRACK);
        assertThat(guardrail(Threshold.atLeast(0.95), 0.94, 0.96, Direction.HIGHER_IS_BETTER, false))
                .isEqualTo(Status.BREACHED);
    }

    @Test
    void aGuardrailPastItsWarningLevelIsAtRisk() {
        assertThat(guardrail(Threshold.atMost(0.01).warnAt(0.008), 0.009, 0.009, Direction.LOWER_IS_BETTER, false))
                .isEqualTo(Status.AT_RISK);
        assertThat(guardrail(Threshold.atLeast(0.95).warnAt(0.96), 0.955, 0.955, Direction.HIGHER_IS_BETTER, false))
                .isEqualTo(Status.AT_RISK);
    }

    @Test
    void withoutAWarningLevelASignificantWorseningIsAtRisk() {
        assertThat(guardrail(Threshold.atMost(0.01), 0.008, 0.004, Direction.LOWER_IS_BETTER, true))
                .isEqualTo(Status.AT_RISK);
        assertThat(guardrail(Threshold.atMost(0.01), 0.004, 0.008, Direction.LOWER_IS_BETTER, true))
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void noWorseThanFollowsTheDirection() {
        Threshold tenPercent = Threshold.noWorseThan(0.10);

        assertThat(guardrail(tenPercent, 0.0120, 0.0100, Direction.LOWER_IS_BETTER, false)).isEqualTo(Status.BREACHED);
        assertThat(guardrail(tenPercent, 0.0080, 0.0100, Direction.LOWER_IS_BETTER, false)).isEqualTo(Status.ON_TRACK);
        assertThat(guardrail(tenPercent, 80, 100, Direction.HIGHER_IS_BETTER, false)).isEqualTo(Status.BREACHED);
        assertThat(guardrail(tenPercent, 120, 100, Direction.HIGHER_IS_BETTER, false)).isEqualTo(Status.ON_TRACK);
        assertThat(guardrail(tenPercent, 120, 100, Direction.NEUTRAL, false)).isEqualTo(Status.BREACHED);
        assertThat(GuardrailState.judge(tenPercent, OptionalDouble.of(1), Change.between(OptionalDouble.of(1),
                OptionalDouble.of(0), Direction.LOWER_IS_BETTER), Significance.none("-"), Direction.LOWER_IS_BETTER)
                .status()).isEqualTo(Status.NO_DATA);
    }
}
