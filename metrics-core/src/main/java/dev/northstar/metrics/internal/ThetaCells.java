package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Union;

/**
 * Ids in DataSketches Theta sketches, one column per set (one for a distinct count with set
 * operations, one per funnel step, cohort and activity for retention), striped per
 * {@link SketchCells}. The live sketch of a stripe is a Theta {@link Union}, which takes ids and
 * whole sketches alike.
 */
public final class ThetaCells extends SketchCells<Union> {
    private final int lgK;

    public ThetaCells(int capacity, int columns, int lgK) {
        super(capacity, columns);
        this.lgK = lgK;
    }

    @Override Union create() {
        return SetOperation.builder().setNominalEntries(1 << lgK).buildUnion();
    }

    @Override void update(Union sketch, long id) {
        SketchHash.update(sketch, id); // sketch.update(id), without its per-call arrays
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
