package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.SeriesIndex;
import dev.northstar.metrics.internal.ThetaCells;

/**
 * Retention of a cohort: ids that entered the cohort (followed, made a first payment) and ids
 * that were active, each in a Theta sketch. At query time, the retention after {@code N} days of
 * the cohort that entered in a window is the share of it active in the same window shifted by
 * {@code N} days: for a day window, classic day-N retention.
 *
 * <pre>{@code
 * RetentionMetric followers = registry.register(MetricDefinition.retention("follower_retention")
 *         .description("Followers still reading after 1, 7, 30 days").build());
 * followers.cohort(followers.series(), readerId);    // followed today
 * followers.active(followers.series(), readerId);    // read something today
 * }</pre>
 */
public final class RetentionMetric extends IdMetric {
    /** Column of the cohort sketch. */
    static final int COHORT = 0;
    /** Column of the activity sketch. */
    static final int ACTIVE = 1;

    RetentionMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, () -> new ThetaCells(index.capacity(), 2, definition.lgK()));
    }

    /** Records that {@code id} entered the cohort now. */
    public void cohort(int series, long id) {
        if (valid(series)) {
            writeTheta(pageNow(), series, COHORT, id);
        }
    }

    /** Records that {@code id} entered the cohort at {@code atMillis}. */
    public void cohort(int series, long id, long atMillis) {
        if (valid(series)) {
            writeTheta(pageAt(atMillis), series, COHORT, id);
        }
    }

    /** Records that {@code id} was active now. */
    public void active(int series, long id) {
        if (valid(series)) {
            writeTheta(pageNow(), series, ACTIVE, id);
        }
    }

    /** Records that {@code id} was active at {@code atMillis}. */
    public void active(int series, long id, long atMillis) {
        if (valid(series)) {
            writeTheta(pageAt(atMillis), series, ACTIVE, id);
        }
    }

    /** Records cohort entry in a bucket resolved once for a multi-metric event. */
    public void cohort(Bucket bucket, int series, long id) {
        if (valid(series)) {
            writeTheta(page(bucket), series, COHORT, id);
        }
    }

    /** Records activity in a bucket resolved once for a multi-metric event. */
    public void active(Bucket bucket, int series, long id) {
        if (valid(series)) {
            writeTheta(page(bucket), series, ACTIVE, id);
        }
    }
}
