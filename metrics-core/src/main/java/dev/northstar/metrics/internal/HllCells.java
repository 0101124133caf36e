package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct counts in DataSketches HLL, striped per {@link SketchCells}. The live sketch of a
 * stripe is an HLL {@link Union}: it takes ids directly and also absorbs whole sketches when a
 * closed bucket is compacted into its day.
 */
public final class HllCells extends SketchCells<Union> {
    private final int lgK;

    public HllCells(int capacity, int lgK) {
        super(capacity, 1);
        this.lgK = lgK;
    }

    @Override Union create() {
        return new Union(lgK);
    }

    @Override void update(Union sketch, long id) {
        SketchHash.update(sketch, id); // sketch.update(id), without its per-call arrays
    }

    @Override public Cell read(int slot) {
        Union union = new Union(lgK);
        for (HllSketch s : copies(slot, 0, u -> u.getResult(TgtHllType.HLL_8))) {
            union.update(s);
        }
        return new Cell.Hll(union.getResult(TgtHllType.HLL_8));
    }

    @Override public void add(int slot, Cell cell) {
        HllSketch incoming = ((Cell.Hll) cell).sketch();
        withSketch(slot, 0, u -> u.update(incoming));
    }
}
