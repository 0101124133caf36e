package dev.northstar.metrics.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.Channel;
import org.junit.jupiter.api.Test;

class EnumDimensionTest {
    private final EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);

    @Test
    void codeIsTheOrdinal() {
        for (Channel c : Channel.values()) {
            assertThat(channel.code(c)).isEqualTo(c.ordinal());
        }
    }

    @Test
    void reservesOneCodePastTheConstantsForUnknown() {
        assertThat(channel.size()).isEqualTo(4);
        assertThat(channel.unknownCode()).isEqualTo(3);
        assertThat(channel.label(3)).isEqualTo(Dimension.UNKNOWN);
        assertThat(channel.value(3)).isNull();
    }

    @Test
    void mapsNullToUnknownWithoutCountingItAsWrongTyped() {
        assertThat(channel.code(null)).isEqualTo(channel.unknownCode());
        assertThat(channel.codeOfAny(null)).isEqualTo(channel.unknownCode());
        assertThat(channel.accepts(null)).isTrue();
    }

    @Test
    void mapsAValueOfAnotherTypeToUnknownAndDoesNotAcceptIt() {
        assertThat(channel.codeOfAny("QR_SCAN")).isEqualTo(channel.unknownCode());
        assertThat(channel.codeOfAny(Thread.State.NEW)).isEqualTo(channel.unknownCode());
        assertThat(channel.accepts("QR_SCAN")).isFalse();
        assertThat(channel.accepts(Channel.IN_APP)).isTrue();
    }

    @Test
    void labelsRoundTripThroughCodes() {
        for (int code = 0; code < channel.size(); code++) {
            assertThat(channel.codeOfLabel(channel.label(code))).isEqualTo(code);
        }
        assertThat(channel.label(channel.code(Channel.MINI_PROGRAM))).isEqualTo("MINI_PROGRAM");
        assertThat(channel.value(channel.code(Channel.IN_APP))).isEqualTo(Channel.IN_APP);
    }

    @Test
    void anUnknownLabelOrCodeReadsAsUnknown() {
        assertThat(channel.codeOfLabel("CASH")).isEqualTo(channel.unknownCode());
        assertThat(channel.codeOfLabel(null)).isEqualTo(channel.unknownCode());
        assertThat(channel.label(-1)).isEqualTo(Dimension.UNKNOWN);
        assertThat(channel.label(99)).isEqualTo(Dimension.UNKNOWN);
    }

    @Test
    void isEqualToAnotherOverTheSameNameAndEnum() {
        assertThat(Dimension.of("channel", Channel.class)).isEqualTo(channel).hasSameHashCodeAs(channel);
        assertThat(Dimension.of("source", Channel.class)).isNotEqualTo(channel);
        assertThat(channel.type()).isEqualTo(Dimension.DimensionType.ENUM);
    }

    @Test
    void refusesANameThatIsNotLowerSnakeCase() {
        assertThatThrownBy(() -> Dimension.of("Channel", Channel.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Channel'");
    }
}
