package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Union;

/**
 * Ids in DataSketches Theta sketches, one column per set (one for a distinct count with set
 * operations, one per funnel step, cohort and activity for retention), striped per
 * {@link SketchCells}. The live sketch of a stripe is a Theta {@link Union}, which takes ids and
 * whole sketches alike.
 *
 * <p>The lock-free shortcut: a Theta sketch rejects any hash at or above its theta, and so does
 * every union it joins (whose theta is never higher). Each cell keeps a <em>bound</em>, the theta
 * of one of its stripes after a locked update (0 until known); a key at or above it returns at
 * once. Thetas only fall, so any bound once true stays at or above the merged result's theta.
 */
public final class ThetaCells extends SketchCells<Union> {
    private final int lgK;
    private final AtomicLongArray bounds;

    public ThetaCells(int capacity, int columns, int lgK) {
        super(capacity, columns);
        this.lgK = lgK;
        this.bounds = new AtomicLongArray(capacity * columns);
    }

    /** Adds an id (the sketch hashes it) to a column of a slot. */
    public void add(int slot, int column, long id) {
        long key = SketchHash.thetaKey(id);
        if (!covered(slot * columns + column, key)) {
            locked(slot, column, key);
        }
    }

    @Override Union create() {
        return SetOperation.builder().setNominalEntries(1 << lgK).buildUnion();
    }

    /** Whether a key is at or above a cell's bound, which every stripe would reject. Lock-free. */
    boolean covered(int cell, long key) {
        long bound = bounds.getOpaque(cell);
        return bound != 0 && key >= bound;
    }

    @Override void apply(Union sketch, int cell, long key) {
        SketchHash.thetaUpdate(sketch, key); // sketch.update(id), without its per-call arrays
        long theta = SketchHash.thetaBound(sketch);
        long bound = bounds.getOpaque(cell);
        if (theta != 0 && (bound == 0 || theta < bound)) {
            bounds.setOpaque(cell, theta);
        }
    }

    @Override public Cell read(int slot) {
        List<CompactSketch> out = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            Union union = create();
            for (CompactSketch s : copies(slot, c, Union::getResult)) {
                union.union(s);
            }
            out.add(union.getResult());
        }
        return new Cell.Theta(out, lgK);
    }

    @Override public void add(int slot, Cell cell) {
        List<CompactSketch> incoming = ((Cell.Theta) cell).columns();
        for (int c = 0; c < columns; c++) {
            CompactSketch s = incoming.get(c);
            if (!s.isEmpty()) {
                withSketch(slot, c, u -> u.union(s));
            }
        }
    }
}
