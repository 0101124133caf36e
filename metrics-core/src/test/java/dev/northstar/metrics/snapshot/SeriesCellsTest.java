package dev.northstar.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A bucket's series: kept in label order, and merged series by series. */
class SeriesCellsTest {
    static final long START = 1_000L;
    static final long END = 2_000L;

    static Cell count(long n) {
        return new Cell.Longs(new long[] {n});
    }

    static SeriesCells bucket(Object... labelsAndCounts) {
        Map<List<String>, Cell> series = new HashMap<>();
        for (int i = 0; i < labelsAndCounts.length; i += 2) {
            series.put(List.of(((String) labelsAndCounts[i]).split(",")), count((Integer) labelsAndCounts[i + 1]));
        }
        return new SeriesCells(true, START, END, series);
    }

    @Test
    void seriesComeInLabelOrderWhateverOrderTheyAreGivenIn() {
        Map<List<String>, Cell> reversed = new LinkedHashMap<>();
        reversed.put(List.of("south", "web"), count(1));
        reversed.put(List.of("north", "web"), count(2));
        reversed.put(List.of("north", "app"), count(3));
        reversed.put(List.of("east", "web"), count(4));

        assertThat(new SeriesCells(true, START, END, reversed).series().keySet()).containsExactly(
                List.of("east", "web"), List.of("north", "app"), List.of("north", "web"), List.of("south", "web"));
    }

    @Test
    void theSeriesAreACopyThatCannotBeChanged() {
        List<String> labels = new ArrayList<>(List.of("east"));
        Map<List<String>, Cell> given = new HashMap<>(Map.of(labels, count(1)));
        SeriesCells bucket = new SeriesCells(true, START, END, given);
        labels.set(0, "west");
        given.clear();

        assertThat(bucket.series()).containsOnlyKeys(List.of("east"));
        assertThatThrownBy(() -> bucket.series().put(List.of("west"), count(2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mergeKeepsTheSeriesOfEitherSideAndAddsThoseOfBoth() {
        SeriesCells mine = bucket("b", 1, "d", 2, "e", 3, "g", 4);
        SeriesCells theirs = bucket("a", 10, "d", 20, "f", 30, "g", 40, "h", 50);

        Map<List<String>, Cell> expected = new LinkedHashMap<>();
        expected.put(List.of("a"), count(10));
        expected.put(List.of("b"), count(1));
        expected.put(List.of("d"), count(22));
        expected.put(List.of("e"), count(3));
        expected.put(List.of("f"), count(30));
        expected.put(List.of("g"), count(44));
        expected.put(List.of("h"), count(50));
        assertThat(mine.merge(theirs).series()).containsExactlyEntriesOf(expected);
        assertThat(theirs.merge(mine)).isEqualTo(mine.merge(theirs));
    }

    @Test
    void mergingWithAnEmptyBucketKeepsEverySeries() {
        SeriesCells some = bucket("a", 1, "b,x", 2, "b", 3);
        SeriesCells none = bucket();

        assertThat(some.merge(none)).isEqualTo(some);
        assertThat(none.merge(some)).isEqualTo(some);
        assertThat(some.merge(none).series().keySet()).containsExactly(List.of("a"), List.of("b"), List.of("b", "x"));
    }

    @Test
    void mergedDistributionsLeaveTheirOperandsAsTheyWere() {
        Histogram h = new Histogram(1, 60_000, 2);
        h.recordValue(100);
        Cell.Distribution a = new Cell.Distribution(h);
        Cell.Distribution b = new Cell.Distribution(h);

        Cell.Distribution sum = (Cell.Distribution) a.merge(b);
        Cell.Distribution again = (Cell.Distribution) sum.merge(a);

        assertThat(a.histogram().getTotalCount()).isEqualTo(1);
        assertThat(b.histogram().getTotalCount()).isEqualTo(1);
        assertThat(sum.histogram().getTotalCount()).isEqualTo(2);
        assertThat(again.histogram().getTotalCount()).isEqualTo(3);
    }
}
