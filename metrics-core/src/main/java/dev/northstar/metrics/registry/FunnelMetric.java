package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.SeriesIndex;
import dev.northstar.metrics.internal.ThetaCells;

/**
 * A funnel: ids that reached each of its ordered steps, one Theta sketch per step. Conversion is
 * computed at query time by set intersection within the window: the ids at step {@code k} are
 * those seen at every step up to {@code k}.
 *
 * <pre>{@code
 * FunnelMetric activation = registry.register(MetricDefinition.funnel("card_to_payment",
 *         "card_linked", "first_payment").description("Card linked, then paid").build());
 * activation.step(activation.series(), 0, userId);   // card linked
 * activation.step(activation.series(), 1, userId);   // paid
 * }</pre>
 *
 * <p>A step index outside the funnel is refused ({@link RefusalReason#UNKNOWN_STEP}).
 */
public final class FunnelMetric extends IdMetric {

    FunnelMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index,
                () -> new ThetaCells(index.capacity(), definition.steps().size(), definition.lgK()));
    }

    /** The index of a step by name, or -1. */
    public int stepIndex(String step) {
        return definition.steps().indexOf(step);
    }

    /** Records that {@code id} reached {@code step} now. */
    public void step(int series, int step, long id) {
        if (valid(series) && validStep(step)) {
            writeTheta(pageNow(), series, step, id);
        }
    }

    /** Records that {@code id} reached {@code step} at {@code atMillis}. */
    public void step(int series, int step, long id, long atMillis) {
        if (valid(series) && validStep(step)) {
            writeTheta(pageAt(atMillis), series, step, id);
        }
    }

    /** Records a step in a bucket resolved once for a multi-metric event. */
    public void step(Bucket bucket, int series, int step, long id) {
        if (valid(series) && validStep(step)) {
            writeTheta(page(bucket), series, step, id);
        }
    }

    private boolean validStep(int step) {
        if (Integer.compareUnsigned(step, definition.steps().size()) < 0) {
            return true;
        }
        health.refuse(RefusalReason.UNKNOWN_STEP, definition.name());
        return false;
    }
}
