package dev.northstar.metrics.internal;

import dev.northstar.metrics.registry.RefusalReason;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The time-bucketed storage of a registry: a ring of fine pages (hours by default) for the fine
 * retention, a ring of day pages for the day retention, and the page of "now".
 *
 * <h2>Recording</h2>
 * The page of now is one volatile field; an event whose time falls in it, and not past the clock's
 * now plus the future skew as last read (almost every event), costs two compares to find its
 * page. Reading the clock per event would cost more than the rest; a stale reading only sends
 * an event to the slow path, which reads the clock again. Any other time takes the slow path: it is
 * refused if too far in the future or older than the day retention, goes to its fine page while
 * the fine retention holds it (a late event into its own bucket), and otherwise straight to its
 * day page.
 *
 * <h2>Compaction, and why no write is lost to it</h2>
 * A fine page leaves the ring when a newer bucket needs its slot, which happens only once it is
 * older than the fine retention. It is not merged into its day at once: it first waits in a
 * retiring list, still visible to readers, and is merged when the next page retires (one grain
 * later under a real clock). A writer holds a page reference only for the duration of one record,
 * nanoseconds; to lose a write it would have to stall between finding the page and writing to
 * it for longer than a whole grain. Writers never lock; the structure lock only orders page
 * installation and retirement. Readers hold it only to list pages, copy them after releasing
 * it, and list and copy again if a compaction started meanwhile ({@link Pages#compactedSince}),
 * so they never see a page both as fine detail and inside its day, and a snapshot that takes
 * milliseconds to copy never holds up a writer opening the next bucket.
 */
public final class Store {
    private final TimeGrid grid;
    private final InstantSource clock;
    private final Refusals refusals;
    private final int maxMetrics;
    private final long fineRetentionBuckets;
    private final int dayRetention;
    private final long maxFutureMillis;
    private final AtomicReferenceArray<Page> fine;
    private final AtomicReferenceArray<Page> days;
    private final AtomicReferenceArray<CellFactory> factories;
    private final AtomicIntegerArray capacities;
    private final List<Page> retiring = new ArrayList<>();
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    private volatile Page current = Page.none();
    /** Compactions started so far; incremented under the write lock before a merge writes anything. */
    private volatile long compactions;
    /** The clock's now at the last slow path, plus the future skew: a later event is re-checked. */
    private volatile long acceptUntil = Long.MIN_VALUE;
    private volatile Page lastDay = Page.none();
    private volatile Retained retained = new Retained(Page.none(), Long.MIN_VALUE);

    public Store(TimeGrid grid, InstantSource clock, Refusals refusals, int maxMetrics,
                 long fineRetentionBuckets, int dayRetention, long maxFutureMillis) {
        this.grid = grid;
        this.clock = clock;
        this.refusals = refusals;
        this.maxMetrics = maxMetrics;
        this.fineRetentionBuckets = fineRetentionBuckets;
        this.dayRetention = dayRetention;
        this.maxFutureMillis = maxFutureMillis;
        long futureBuckets = maxFutureMillis / grid.grainMillis() + 1;
        this.fine = new AtomicReferenceArray<>(Math.toIntExact(fineRetentionBuckets + futureBuckets + 1));
        this.days = new AtomicReferenceArray<>(dayRetention + 2);
        this.factories = new AtomicReferenceArray<>(maxMetrics);
        this.capacities = new AtomicIntegerArray(maxMetrics);
    }

    public TimeGrid grid() {
        return grid;
    }

    public InstantSource clock() {
        return clock;
    }

    /** Fine buckets retained before compaction into days. */
    public long fineRetentionBuckets() {
        return fineRetentionBuckets;
    }

    /** Calendar days retained. */
    public int dayRetention() {
        return dayRetention;
    }

    /** Declares how metric {@code id} creates its cells, and how many slots they have. */
    public void register(int id, CellFactory factory, int capacity) {
        capacities.set(id, capacity);
        factories.set(id, factory);
    }

    /** The page for the clock's now; never null. */
    public Page now() {
        long t = clock.millis();
        Page p = current;
        return p.contains(t) ? p : slow(t, t);
    }

    /** The page for an event at {@code epochMillis}, or null if the event is refused (and counted). */
    public Page at(long epochMillis) {
        Page p = current;
        return p.contains(epochMillis) && epochMillis <= acceptUntil ? p : slow(epochMillis, clock.millis());
    }

    private Page slow(long t, long now) {
        long until = now + maxFutureMillis;
        if (acceptUntil != until) { // written only when the clock moved, so late events do not share-write it
            acceptUntil = until; // a racing writer may store an older now: that only costs a slow path
        }
        if (t > until) {
            refusals.refuse(RefusalReason.TOO_FAR_IN_FUTURE, null);
            return null;
        }
        if (t < retainedFrom(now)) {
            refusals.refuse(RefusalReason.TOO_OLD, null);
            return null;
        }
        long b = grid.bucket(t);
        long nb = grid.bucket(now);
        if (b < nb) {
            refusals.late();
        }
        if (b <= nb - fineRetentionBuckets) {
            Page day = lastDay;
            if (day.contains(t)) { // replays and simulations come day by day: skip the calendar maths
                return day;
            }
            day = dayPage(grid.day(t));
            if (day != null) {
                lastDay = day;
            }
            return day;
        }
        Page p = finePage(b);
        if (p == null) {
            return dayPage(grid.day(t));
        }
        if (b == nb) {
            current = p;
        }
        return p;
    }

    /** Start of the oldest retained day as of {@code now}, recomputed once per day of now. */
    private long retainedFrom(long now) {
        Retained r = retained;
        if (!r.today.contains(now)) {
            long today = grid.day(now);
            long start = grid.dayStart(today);
            r = new Retained(new Page(null, start, grid.dayStart(today + 1) - start, today, true, today, 0),
                    grid.dayStart(today - dayRetention + 1));
            retained = r;
        }
        return r.from;
    }

    private record Retained(Page today, long from) {
    }

    private Page finePage(long b) {
        int slot = (int) Math.floorMod(b, (long) fine.length());
        Page p = fine.get(slot);
        if (p != null && p.index == b) {
            return p;
        }
        structure.writeLock().lock();
        try {
            p = fine.get(slot);
            if (p != null && p.index == b) {
                return p;
            }
            if (p != null && p.index > b) {
                return null; // a newer bucket holds the slot (the clock went back): file under the day
            }
            long start = grid.bucketStart(b);
            Page fresh = new Page(this, start, grid.grainMillis(), b, false, grid.day(start), maxMetrics);
            if (p != null) {
                retire(p);
            }
            Stripes.releaseDeadOwners(); // once a grain: a pool that replaced its threads gets its owned stripes back
            fine.set(slot, fresh);
            return fresh;
        } finally {
            structure.writeLock().unlock();
        }
    }

    private Page dayPage(long epochDay) {
        int slot = (int) Math.floorMod(epochDay, (long) days.length());
        Page p = days.get(slot);
        if (p != null && p.index == epochDay) {
            return p;
        }
        structure.writeLock().lock();
        try {
            return dayPageLocked(epochDay);
        } finally {
            structure.writeLock().unlock();
        }
    }

    private Page dayPageLocked(long epochDay) {
        int slot = (int) Math.floorMod(epochDay, (long) days.length());
        Page p = days.get(slot);
        if (p != null && p.index == epochDay) {
            return p;
        }
        if (p != null && p.index > epochDay) {
            return null; // past the day retention
        }
        long start = grid.dayStart(epochDay);
        Page fresh = new Page(this, start, grid.dayStart(epochDay + 1) - start, epochDay, true, epochDay, maxMetrics);
        days.set(slot, fresh);
        Stripes.releaseDeadOwners(); // also here: a registry fed only late events opens days, not hours
        return fresh;
    }

    /** Moves a page out of the ring; merges the pages retired before it into their days. */
    private void retire(Page page) {
        if (current == page) {
            // The fast path must not keep writing into a page on its way into its day: once merged
            // it is read no more. (It can still be the page of now when the clock moved on and
            // only late events of other hours have been recorded since.)
            current = Page.none();
        }
        if (!retiring.isEmpty()) {
            compactions++; // before any day is written: a reader copying meanwhile will see it and retry
        }
        for (Page old : retiring) {
            Page day = dayPageLocked(old.epochDay);
            if (day != null) {
                mergeInto(old, day);
            }
        }
        retiring.clear();
        retiring.add(page);
    }

    private void mergeInto(Page from, Page into) {
        for (int m = 0; m < maxMetrics; m++) {
            Cells src = from.cellsIfPresent(m);
            CellFactory factory = factories.get(m);
            if (src == null || factory == null) {
                continue;
            }
            Cells dst = into.cells(m, factory);
            int capacity = capacities.get(m);
            for (int slot = 0; slot < capacity; slot++) {
                if (src.touched(slot)) {
                    dst.add(slot, src.read(slot));
                }
            }
        }
    }

    /**
     * Every page that holds data of a bucket overlapping {@code [from, to)}: fine pages in the ring
     * and retiring, and day pages, listed under the structure lock (microseconds, so a writer
     * installing a page hardly waits) and copied by the caller after it is released. A copy is
     * consistent only if no compaction ran meanwhile (a page merged into its day could otherwise
     * be counted twice or half): check {@link Pages#compactedSince} after copying, and list again
     * if it did. Compactions run once per grain, so a retry is rare.
     */
    public Pages pages(long from, long to) {
        List<Page> out = new ArrayList<>();
        structure.readLock().lock();
        try {
            visit(fine, from, to, out::add);
            for (Page p : retiring) {
                if (p.start < to && p.end() > from) {
                    out.add(p);
                }
            }
            visit(days, from, to, out::add);
            return new Pages(out, compactions);
        } finally {
            structure.readLock().unlock();
        }
    }

    /** Pages listed at one instant of the structure, and the compaction count at that instant. */
    public final class Pages {
        private final List<Page> pages;
        private final long compactionsAtListing;

        private Pages(List<Page> pages, long compactionsAtListing) {
            this.pages = List.copyOf(pages);
            this.compactionsAtListing = compactionsAtListing;
        }

        public List<Page> list() {
            return pages;
        }

        /** Whether a compaction started since the listing: then copies of the pages may disagree. */
        public boolean compactedSince() {
            return compactions != compactionsAtListing;
        }
    }

    private static void visit(AtomicReferenceArray<Page> ring, long from, long to, Consumer<Page> visitor) {
        for (int i = 0; i < ring.length(); i++) {
            Page p = ring.get(i);
            if (p != null && p.start < to && p.end() > from) {
                visitor.accept(p);
            }
        }
    }
}
