package dev.northstar.benchmarks;

import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The code of a known value of an open dimension ({@link OpenDimension#code}), as a content
 * read resolves its account: 500 accounts, each event's value a distinct {@code String} instance
 * of the same characters (as a host's request carries), 8,192 events cycled. Baseline: a
 * {@code ConcurrentHashMap<String, Integer>} holding the same codes, what the dimension used
 * before its own table.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OpenDimensionBenchmark -f 3 -wi 3 -w 1s -i 5 -r 1s \
 *     -prof gc -rf json -rff benchmarks/results/open-dimension.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class OpenDimensionBenchmark {
    static final int ACCOUNTS = 500;
    static final int EVENTS = 8192;

    private final OpenDimension account = Dimension.open("account", 1_000);
    private final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    private final String[] values = new String[EVENTS];
    private int i;

    @Setup
    public void setUp() {
        for (int a = 0; a < ACCOUNTS; a++) {
            map.put("acct-" + a, account.code("acct-" + a));
        }
        SplittableRandom rnd = new SplittableRandom(2);
        for (int e = 0; e < EVENTS; e++) {
            values[e] = new String("acct-" + rnd.nextInt(ACCOUNTS)); // a new instance per event
        }
    }

    @Benchmark
    public int code() {
        i = (i + 1) & (EVENTS - 1);
        return account.code(values[i]);
    }

    @Benchmark
    public int rawConcurrentHashMap() {
        i = (i + 1) & (EVENTS - 1);
        return map.get(values[i]);
    }
}
