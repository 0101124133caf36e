package dev.northstar.metrics.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.Channel;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.registry.CountMetric;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricDefinitionTest {

    private static void failsNaming(String metric, String why, ThrowingCallable build) {
        assertThatThrownBy(build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(metric)
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Payments", "2nd_payments", "tpv-cny", "success rate", "_tpv",
            "a_name_that_is_sixty_five_characters_long_which_is_one_too_many_x"})
    void refusesABadNameNamingIt(String name) {
        failsNaming("'" + name + "'", "metric name", () -> MetricDefinition.count(name).description("d").build());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void refusesAMissingDescriptionNamingTheMetric(String description) {
        failsNaming("payments", "description is required",
                () -> MetricDefinition.count("payments").description(description).build());
    }

    @Test
    void refusesAMissingUnitNamingTheMetric() {
        failsNaming("tpv", "unit is required", () -> MetricDefinition.sum("tpv").description("d").build());
        failsNaming("latency", "unit is required",
                () -> MetricDefinition.distribution("latency").description("d").build());
    }

    @Test
    void refusesOptionsOfAnotherKindNamingTheMetric() {
        failsNaming("payments", "significant digits does not apply to count",
                () -> MetricDefinition.count("payments").significantDigits(3));
        failsNaming("tpv", "lgK does not apply to sum", () -> MetricDefinition.sum("tpv").lgK(10));
        failsNaming("success_rate", "set operations does not apply to ratio",
                () -> MetricDefinition.ratio("success_rate").setOperations());
        failsNaming("payers", "retention days does not apply to distinct",
                () -> MetricDefinition.distinct("payers").retentionDays(1, 7));
    }

    @Test
    void refusesMoneyWithoutACurrencyNamingTheMetric() {
        failsNaming("tpv", "ISO 4217",
                () -> MetricDefinition.sum("tpv").unit(Unit.MINOR_UNITS).description("d").build());
        failsNaming("tpv", "ISO 4217", () -> MetricDefinition.sum("tpv").money(null).description("d").build());
        failsNaming("tpv", "ISO 4217", () -> MetricDefinition.sum("tpv").money("yuan").description("d").build());
    }

    @Test
    void refusesACurrencyOnSomethingOtherThanMoney() {
        failsNaming("tpv", "currency only applies",
                () -> MetricDefinition.sum("tpv").money("CNY").unit(Unit.ONE).description("d").build());
    }

    @Test
    void refusesADimensionTwice() {
        failsNaming("payments", "dimension channel appears twice", () -> MetricDefinition.count("payments")
                .description("d").dimensions(Dimension.of("channel", Channel.class), Dimension.bool("channel"))
                .build());
    }

    @Test
    void refusesDimensionsWithMoreThanTwoToTheSixtyTwoCombinations() {
        failsNaming("payments", "2^62", () -> MetricDefinition.count("payments").description("d")
                .dimensions(Dimension.open("a", 1 << 16), Dimension.open("b", 1 << 16),
                        Dimension.open("c", 1 << 16), Dimension.open("e", 1 << 16))
                .build());
    }

    @Test
    void refusesOutOfRangeLimitsAndPrecisions() {
        failsNaming("payments", "series limit",
                () -> MetricDefinition.count("payments").description("d").seriesLimit(0).build());
        failsNaming("payments", "max value",
                () -> MetricDefinition.count("payments").description("d").maxValue(-1).build());
        failsNaming("latency", "significant digits", () -> MetricDefinition.distribution("latency")
                .unit(Unit.MICROSECONDS).significantDigits(4).description("d").build());
        failsNaming("payers", "lgK", () -> MetricDefinition.distinct("payers").lgK(3).description("d").build());
        failsNaming("payers", "lgK", () -> MetricDefinition.distinct("payers").lgK(17).description("d").build());
    }

    @Test
    void refusesAFunnelWithoutTwoToSixteenDistinctWellNamedSteps() {
        failsNaming("checkout", "at least two steps",
                () -> MetricDefinition.funnel("checkout").description("d").build());
        failsNaming("checkout", "2..16 distinct steps",
                () -> MetricDefinition.funnel("checkout", "visit").description("d").build());
        failsNaming("checkout", "2..16 distinct steps",
                () -> MetricDefinition.funnel("checkout", "visit", "visit").description("d").build());
        assertThatThrownBy(() -> MetricDefinition.funnel("checkout", "visit", "Pay").description("d").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("funnel step");
    }

    @Test
    void refusesRetentionOffsetsOutsideOneToThreeSixtySixOrRepeated() {
        failsNaming("follower_retention", "retention offsets", () -> MetricDefinition
                .retention("follower_retention").retentionDays(0, 7).description("d").build());
        failsNaming("follower_retention", "retention offsets", () -> MetricDefinition
                .retention("follower_retention").retentionDays(7, 7).description("d").build());
        failsNaming("follower_retention", "retention offsets", () -> MetricDefinition
                .retention("follower_retention").retentionDays(367).description("d").build());
    }

    @Test
    void refusesADerivedMetricThatRefersToItself() {
        failsNaming("average_ticket", "refer to itself", () -> MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("average_ticket"))).unit(Unit.ONE)
                .description("d").build());
    }

    @Test
    void givesEachKindItsDefaultUnit() {
        assertThat(MetricDefinition.count("a").description("d").build().unit()).isEqualTo(Unit.EVENTS);
        assertThat(MetricDefinition.ratio("a").description("d").build().unit()).isEqualTo(Unit.RATIO);
        assertThat(MetricDefinition.distinct("a").description("d").build().unit()).isEqualTo(Unit.IDS);
        assertThat(MetricDefinition.gauge("a").description("d").build().unit()).isEqualTo(Unit.ONE);
    }

    @Test
    void defaultsADistributionsRangeByItsUnit() {
        assertThat(MetricDefinition.distribution("a").unit(Unit.MICROSECONDS).description("d").build().maxValue())
                .isEqualTo(60_000_000L);
        assertThat(MetricDefinition.distribution("a").unit(Unit.MILLISECONDS).description("d").build().maxValue())
                .isEqualTo(3_600_000L);
        assertThat(MetricDefinition.sum("a").money("CNY").description("d").build().maxValue())
                .isEqualTo(MetricDefinition.DEFAULT_MAX_VALUE);
    }

    @Test
    void keepsIdsOfFunnelsAndRetentionInThetaSketches() {
        assertThat(MetricDefinition.funnel("f", "a", "b").description("d").build().setOperations()).isTrue();
        assertThat(MetricDefinition.retention("r").description("d").build().setOperations()).isTrue();
        assertThat(MetricDefinition.distinct("p").description("d").build().setOperations()).isFalse();
    }

    @Test
    void isEqualToAnotherBuiltFromTheSameFields() {
        MetricDefinition<CountMetric> a = MetricDefinition.count("payments").description(" Payments ")
                .stakeholders("users", "merchants").dimensions(Dimension.of("channel", Channel.class)).build();
        MetricDefinition<CountMetric> b = MetricDefinition.count("payments").description("Payments")
                .stakeholders("merchants", "users").dimensions(Dimension.of("channel", Channel.class)).build();
        MetricDefinition<CountMetric> c = MetricDefinition.count("payments").description("Payment attempts")
                .dimensions(Dimension.of("channel", Channel.class)).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }
}
