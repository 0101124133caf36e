package dev.northstar.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Something going wrong (or changing) in simulated content traffic, injected on purpose. */
public sealed interface ContentIncident {

    /** The first day of the incident. */
    LocalDate day();

    /** Whether the incident is under way on {@code date}. */
    boolean activeOn(LocalDate date);

    /**
     * A few accounts chase clicks with misleading titles for some days: their reads rise by
     * {@code readMultiplier}, but fewer readers finish ({@code completionFactor} times the usual
     * completion), fewer follow ({@code followFactor}), more unfollow ({@code unfollowFactor})
     * and more report them as misleading.
     *
     * @param day              first day
     * @param days             how many days, at least 1
     * @param accounts         the accounts doing it, by the simulator's account names
     * @param readMultiplier   reads of their articles multiplied by this, at least 1
     * @param completionFactor completion probability multiplied by this, in (0, 1]
     * @param followFactor     follow probability multiplied by this, in [0, 1]
     * @param unfollowFactor   unfollow probability multiplied by this, at least 1
     */
    record ClickbaitWave(LocalDate day, int days, List<String> accounts, double readMultiplier,
                         double completionFactor, double followFactor, double unfollowFactor)
            implements ContentIncident {
        public ClickbaitWave {
            Objects.requireNonNull(day);
            accounts = List.copyOf(accounts);
            if (days < 1 || accounts.isEmpty() || !(readMultiplier >= 1) || !(completionFactor > 0 && completionFactor <= 1)
                    || !(followFactor >= 0 && followFactor <= 1) || !(unfollowFactor >= 1)) {
                throw new IllegalArgumentException("a clickbait wave needs days >= 1, some accounts, reads x >= 1, "
                        + "completion x in (0, 1], follows x in [0, 1] and unfollows x >= 1");
            }
        }

        /** A wave of typical strength: reads ×2.5, completion ×0.4, follows ×0.3, unfollows ×4. */
        public static ClickbaitWave of(LocalDate day, int days, List<String> accounts) {
            return new ClickbaitWave(day, days, accounts, 2.5, 0.4, 0.3, 4);
        }

        @Override public boolean activeOn(LocalDate date) {
            return !date.isBefore(day) && date.isBefore(day.plusDays(days));
        }
    }

    /**
     * Spammers at work: reports (mostly for spam) multiplied by {@code reportMultiplier}.
     *
     * @param day              first day
     * @param days             how many days, at least 1
     * @param reportMultiplier reports multiplied by this, at least 1
     */
    record SpamWave(LocalDate day, int days, double reportMultiplier) implements ContentIncident {
        public SpamWave {
            Objects.requireNonNull(day);
            if (days < 1 || !(reportMultiplier >= 1)) {
                throw new IllegalArgumentException("a spam wave needs days >= 1 and multiplies reports by at least 1");
            }
        }

        @Override public boolean activeOn(LocalDate date) {
            return !date.isBefore(day) && date.isBefore(day.plusDays(days));
        }
    }

    /**
     * The platform changes its feed algorithm from {@code day} on: a share {@code shift} of the
     * reads that came from the push ({@link TrafficSource#CHAT_SESSION}) now come from the
     * recommendation feed instead. Reads stay; the read rate of the push falls.
     *
     * @param day   the day the change ships; it stays
     * @param shift share of push reads moved to the feed, in (0, 1]
     */
    record FeedAlgorithmChange(LocalDate day, double shift) implements ContentIncident {
        public FeedAlgorithmChange {
            Objects.requireNonNull(day);
            if (!(shift > 0 && shift <= 1)) {
                throw new IllegalArgumentException("a feed change moves a share in (0, 1] of push reads");
            }
        }

        @Override public boolean activeOn(LocalDate date) {
            return !date.isBefore(day);
        }
    }
}
