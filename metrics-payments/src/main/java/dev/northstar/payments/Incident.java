package dev.northstar.payments;

import java.time.LocalDate;
import java.util.Objects;

/** Something going wrong (or unusually right) in simulated traffic, injected on purpose. */
public sealed interface Incident {

    /** The day the incident happens. */
    LocalDate day();

    /**
     * One bank unavailable in one region for some hours: most of its payments there fail with
     * {@link FailureReason#BANK_UNAVAILABLE}, after a long wait.
     *
     * @param failureShare share of the affected payments that fail, in (0, 1]
     */
    record BankOutage(LocalDate day, String region, String bank, int fromHour, int toHour, double failureShare)
            implements Incident {
        public BankOutage {
            Objects.requireNonNull(day);
            if (fromHour < 0 || toHour > 24 || fromHour >= toHour || !(failureShare > 0 && failureShare <= 1)) {
                throw new IllegalArgumentException("bank outage needs 0 <= from < to <= 24 and a share in (0, 1]");
            }
        }
    }

    /** Fraudsters at work: reported fraud multiplied by {@code multiplier} for the day. */
    record FraudWave(LocalDate day, double multiplier) implements Incident {
        public FraudWave {
            Objects.requireNonNull(day);
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("a fraud wave multiplies fraud by at least 1");
            }
        }
    }

    /** Authorization latency multiplied by {@code factor} between two hours of the day. */
    record LatencyRegression(LocalDate day, int fromHour, int toHour, double factor) implements Incident {
        public LatencyRegression {
            Objects.requireNonNull(day);
            if (fromHour < 0 || toHour > 24 || fromHour >= toHour || !(factor > 0)) {
                throw new IllegalArgumentException("latency regression needs 0 <= from < to <= 24 and a factor > 0");
            }
        }
    }

    /** A holiday: red packets sent multiplied by {@code multiplier}, merchant payments unchanged. */
    record RedPacketSurge(LocalDate day, double multiplier) implements Incident {
        public RedPacketSurge {
            Objects.requireNonNull(day);
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("a surge multiplies red packets by at least 1");
            }
        }
    }
}
