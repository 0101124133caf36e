package dev.northstar.metrics.tree;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The success-metrics hierarchy of a product: exactly one North Star, its core drivers,
 * supporting indicators and guardrails. An edge either carries the parent's exact formula (sum,
 * difference, product or ratio of its children, as a {@link Formula}) or is a plain influence.
 *
 * <pre>{@code
 * MetricTree tree = MetricTree.builder()
 *         .northStar("tpv")
 *         .core("active_payers").core("tx_per_payer").core("average_ticket")
 *         .supporting("success_rate")
 *         .guardrail("fraud_rate", Threshold.atMost(0.001))
 *         .formula("tpv", Formula.product(Formula.ref("active_payers"), Formula.ref("tx_per_payer"),
 *                 Formula.ref("average_ticket")))
 *         .influence("tpv", "success_rate", "fraud_rate")
 *         .target("tpv", Target.relativeChange(0.05))
 *         .build(registry);
 * }</pre>
 *
 * <p>Each node has one parent, so the tree reads top-down. {@link Builder#build} refuses, with an
 * {@link InvalidTreeException} whose message names the node, a tree that: has no North Star or
 * two; declares a node twice; names a metric the registry (or snapshot) does not have; links a
 * node that is not declared; is cyclic; gives a node two parents; leaves a node unconnected to
 * the North Star; has a guardrail without a threshold or a threshold on a non-guardrail; or has a
 * formula whose physical dimensions do not line up with its node (adding money to counts, or a
 * product in ids where the node is in CNY). Trees are immutable and thread-safe.
 */
public final class MetricTree {
    private final Map<String, TreeNode> nodes;
    private final List<Edge> edges;
    private final Map<String, MetricDefinition<?>> definitions;

    private MetricTree(Map<String, TreeNode> nodes, List<Edge> edges, Map<String, MetricDefinition<?>> definitions) {
        this.nodes = nodes;
        this.edges = edges;
        this.definitions = definitions;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The North Star. */
    public TreeNode northStar() {
        return nodes.values().iterator().next();
    }

    /** Every node, depth first from the North Star, children in declaration order. */
    public List<TreeNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /**
     * The node of that metric.
     *
     * @throws IllegalArgumentException if the tree has no such node
     */
    public TreeNode node(String metric) {
        TreeNode n = nodes.get(metric);
        if (n == null) {
            throw new IllegalArgumentException("the metric tree has no node " + metric);
        }
        return n;
    }

    /** Whether the tree has a node of that metric. */
    public boolean contains(String metric) {
        return nodes.containsKey(metric);
    }

    /** Every edge, parents depth first. */
    public List<Edge> edges() {
        return edges;
    }

    /**
     * The definitions the tree reads: its nodes' and, for derived nodes, every metric their
     * formulas refer to, transitively.
     */
    public Map<String, MetricDefinition<?>> definitions() {
        return definitions;
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        for (TreeNode n : nodes.values()) {
            b.append("  ".repeat(n.depth())).append(n.metric()).append(" (").append(n.role().label()).append(")")
                    .append(n.formula().map(f -> " = " + f.describe()).orElse("")).append('\n');
        }
        return b.toString();
    }

    /**
     * Declares a tree; nothing is checked until {@link #build}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Role> declared = new LinkedHashMap<>();
        private final List<String> twice = new ArrayList<>();
        private final Map<String, Formula> formulas = new LinkedHashMap<>();
        private final List<String> formulaTwice = new ArrayList<>();
        private final Map<String, List<String>> influences = new LinkedHashMap<>();
        private final Map<String, Target> targets = new LinkedHashMap<>();
        private final Map<String, Threshold> thresholds = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder declare(String metric, Role role) {
            Objects.requireNonNull(metric, "metric");
            if (declared.putIfAbsent(metric, role) != null) {
                twice.add(metric);
            }
            return this;
        }

        /** Declares the North Star. */
        public Builder northStar(String metric) {
            return declare(metric, Role.NORTH_STAR);
        }

        /** Declares a core driver. */
        public Builder core(String metric) {
            return declare(metric, Role.CORE);
        }

        /** Declares a supporting indicator. */
        public Builder supporting(String metric) {
            return declare(metric, Role.SUPPORTING);
        }

        /** Declares a guardrail and its threshold. */
        public Builder guardrail(String metric, Threshold threshold) {
            thresholds.put(metric, Objects.requireNonNull(threshold, "threshold"));
            return declare(metric, Role.GUARDRAIL);
        }

        /** Sets a node's target. */
        public Builder target(String metric, Target target) {
            targets.put(Objects.requireNonNull(metric), Objects.requireNonNull(target, "target"));
            return this;
        }

        /** Sets a threshold on a node (only guardrails may have one). */
        public Builder threshold(String metric, Threshold threshold) {
            thresholds.put(Objects.requireNonNull(metric), Objects.requireNonNull(threshold, "threshold"));
            return this;
        }

        /** Makes {@code parent} the exact formula of the nodes it refers to, which become its children. */
        public Builder formula(String parent, Formula formula) {
            Objects.requireNonNull(formula, "formula");
            if (formulas.putIfAbsent(Objects.requireNonNull(parent), formula) != null) {
                formulaTwice.add(parent);
            }
            return this;
        }

        /** Makes {@code children} plain influences of {@code parent}. */
        public Builder influence(String parent, String... children) {
            List<String> list = influences.computeIfAbsent(Objects.requireNonNull(parent), k -> new ArrayList<>());
            for (String c : children) {
                list.add(Objects.requireNonNull(c));
            }
            return this;
        }

        /** Checks and builds the tree against a registry's definitions. */
        public MetricTree build(MetricRegistry registry) {
            return build(registry.definitions());
        }

        /** Checks and builds the tree against a snapshot's definitions. */
        public MetricTree build(Snapshot snapshot) {
            List<MetricDefinition<?>> defs = new ArrayList<>();
            snapshot.metrics().values().forEach(m -> defs.add(m.definition()));
            return build(defs);
        }

        /**
         * Checks and builds the tree against these definitions.
         *
         * @throws InvalidTreeException naming the node at fault, for any fault listed on {@link MetricTree}
         */
        public MetricTree build(Collection<? extends MetricDefinition<?>> available) {
            Map<String, MetricDefinition<?>> registered = new LinkedHashMap<>();
            available.forEach(d -> registered.put(d.name(), d));
            if (!twice.isEmpty()) {
                throw fail(twice.get(0), "node " + twice.get(0) + " is declared twice");
            }
            String northStar = checkOneNorthStar();
            for (String n : declared.keySet()) {
                if (!registered.containsKey(n)) {
                    throw fail(n, "node " + n + ": metric " + n + " is not registered");
                }
            }
            if (!formulaTwice.isEmpty()) {
                throw fail(formulaTwice.get(0), "node " + formulaTwice.get(0) + " has two formulas");
            }
            Map<String, List<Edge>> out = edges(registered);
            checkAcyclic(out);
            Map<String, String> parents = parents(out, northStar);
            checkGoals();
            checkUnits(registered);
            return assemble(northStar, out, parents, registered);
        }

        private String checkOneNorthStar() {
            List<String> stars = declared.entrySet().stream().filter(e -> e.getValue() == Role.NORTH_STAR)
                    .map(Map.Entry::getKey).toList();
            if (stars.isEmpty()) {
                throw fail("", "a metric tree needs exactly one North Star; none was declared");
            }
            if (stars.size() > 1) {
                throw fail(stars.get(1), "node " + stars.get(1) + ": a metric tree has exactly one North Star, but "
                        + String.join(" and ", stars) + " are both declared as North Star");
            }
            return stars.get(0);
        }

        private Map<String, List<Edge>> edges(Map<String, MetricDefinition<?>> registered) {
            Map<String, List<Edge>> out = new LinkedHashMap<>();
            declared.keySet().forEach(n -> out.put(n, new ArrayList<>()));
            formulas.forEach((parent, f) -> {
                requireDeclared(parent, "node " + parent + " has a formula but is not declared in the tree");
                for (String ref : f.references()) {
                    if (!registered.containsKey(ref)) {
                        throw fail(parent, "node " + parent + ": formula refers to " + ref + ", which is not registered");
                    }
                    requireDeclared(ref, "node " + parent + ": formula refers to " + ref
                            + ", which is not a node of the tree");
                    out.get(parent).add(new Edge(parent, ref, Edge.Kind.FORMULA));
                }
            });
            influences.forEach((parent, children) -> {
                requireDeclared(parent, "node " + parent + " has influences but is not declared in the tree");
                for (String c : children) {
                    if (!registered.containsKey(c)) {
                        throw fail(parent, "node " + parent + ": influence " + c + " is not registered");
                    }
                    requireDeclared(c, "node " + parent + ": influence " + c + " is not a node of the tree");
                    boolean already = out.get(parent).stream().anyMatch(e -> e.child().equals(c));
                    if (!already) {
                        out.get(parent).add(new Edge(parent, c, Edge.Kind.INFLUENCE));
                    }
                }
            });
            return out;
        }

        private void requireDeclared(String node, String message) {
            if (!declared.containsKey(node)) {
                throw fail(node, message);
            }
        }

        /** Depth-first search with colours; the first back edge found is reported as the cycle. */
        private void checkAcyclic(Map<String, List<Edge>> out) {
            Map<String, Integer> colour = new LinkedHashMap<>();
            for (String start : out.keySet()) {
                if (colour.containsKey(start)) {
                    continue;
                }
                Deque<String> path = new ArrayDeque<>();
                visit(start, out, colour, path);
            }
        }

        private void visit(String n, Map<String, List<Edge>> out, Map<String, Integer> colour, Deque<String> path) {
            colour.put(n, 1);
            path.addLast(n);
            for (Edge e : out.get(n)) {
                Integer c = colour.get(e.child());
                if (c == null) {
                    visit(e.child(), out, colour, path);
                } else if (c == 1) {
                    List<String> cycle = new ArrayList<>();
                    boolean in = false;
                    for (String p : path) {
                        in |= p.equals(e.child());
                        if (in) {
                            cycle.add(p);
                        }
                    }
                    cycle.add(e.child());
                    throw fail(e.child(), "node " + e.child() + " is on a cycle: " + String.join(" -> ", cycle));
                }
            }
            path.removeLast();
            colour.put(n, 2);
        }

        private Map<String, String> parents(Map<String, List<Edge>> out, String northStar) {
            Map<String, String> parents = new LinkedHashMap<>();
            out.forEach((parent, list) -> {
                for (Edge e : list) {
                    String before = parents.putIfAbsent(e.child(), parent);
                    if (before != null && !before.equals(parent)) {
                        throw fail(e.child(), "node " + e.child() + " has two parents, " + before + " and " + parent
                                + "; each node of a metric tree hangs from one parent");
                    }
                }
            });
            if (parents.containsKey(northStar)) {
                throw fail(northStar, "node " + northStar + " is the North Star and cannot be a child of "
                        + parents.get(northStar));
            }
            for (String n : declared.keySet()) {
                if (!n.equals(northStar) && !reaches(n, northStar, parents)) {
                    throw fail(n, "node " + n + " is not connected to the North Star " + northStar
                            + "; link it with formula(...) or influence(...)");
                }
            }
            return parents;
        }

        private static boolean reaches(String n, String root, Map<String, String> parents) {
            String p = n;
            while (p != null && !p.equals(root)) {
                p = parents.get(p);
            }
            return p != null;
        }

        private void checkGoals() {
            declared.forEach((n, role) -> {
                if (role == Role.GUARDRAIL && !thresholds.containsKey(n)) {
                    throw fail(n, "node " + n + " is a guardrail without a threshold");
                }
            });
            thresholds.keySet().forEach(n -> {
                requireDeclared(n, "node " + n + " has a threshold but is not declared in the tree");
                if (declared.get(n) != Role.GUARDRAIL) {
                    throw fail(n, "node " + n + " has a threshold but is a " + declared.get(n).label()
                            + " node; only guardrails have thresholds");
                }
            });
            targets.keySet().forEach(n -> requireDeclared(n, "node " + n + " has a target but is not declared in the tree"));
        }

        private void checkUnits(Map<String, MetricDefinition<?>> registered) {
            formulas.forEach((parent, f) -> {
                Quantity made;
                try {
                    made = Quantity.of(f, registered);
                } catch (IllegalStateException e) {
                    throw fail(parent, "node " + parent + ": the dimensions of its formula do not line up: "
                            + e.getMessage());
                }
                Quantity node = Quantity.of(registered.get(parent));
                if (!made.fits(node)) {
                    throw fail(parent, "node " + parent + ": the dimensions of its formula do not line up: '"
                            + f.describe() + "' is in " + made.describe() + ", but " + parent + " is in "
                            + node.describe());
                }
            });
        }

        private MetricTree assemble(String northStar, Map<String, List<Edge>> out, Map<String, String> parents,
                                    Map<String, MetricDefinition<?>> registered) {
            Map<String, TreeNode> nodes = new LinkedHashMap<>();
            List<Edge> edges = new ArrayList<>();
            Deque<String[]> stack = new ArrayDeque<>();
            stack.push(new String[] {northStar, "0"});
            while (!stack.isEmpty()) {
                String[] top = stack.pop();
                String n = top[0];
                int depth = Integer.parseInt(top[1]);
                List<Edge> mine = out.get(n);
                edges.addAll(mine);
                nodes.put(n, new TreeNode(n, declared.get(n), registered.get(n), Optional.ofNullable(parents.get(n)),
                        depth, Optional.ofNullable(formulas.get(n)), mine.stream().map(Edge::child).toList(),
                        Optional.ofNullable(targets.get(n)), Optional.ofNullable(thresholds.get(n))));
                for (int i = mine.size() - 1; i >= 0; i--) {
                    stack.push(new String[] {mine.get(i).child(), Integer.toString(depth + 1)});
                }
            }
            Map<String, MetricDefinition<?>> defs = new LinkedHashMap<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String n : nodes.keySet()) {
                collect(n, registered, defs, seen);
            }
            return new MetricTree(java.util.Collections.unmodifiableMap(nodes), List.copyOf(edges),
                    java.util.Collections.unmodifiableMap(defs));
        }

        private static void collect(String name, Map<String, MetricDefinition<?>> registered,
                                    Map<String, MetricDefinition<?>> out, Set<String> seen) {
            if (!seen.add(name)) {
                return;
            }
            MetricDefinition<?> d = registered.get(name);
            if (d == null) {
                return;                      // a derived metric's operand missing from a snapshot: queries say so
            }
            out.put(name, d);
            if (d.kind() == MetricKind.DERIVED) {
                d.formula().references().forEach(r -> collect(r, registered, out, seen));
            }
        }

        private static InvalidTreeException fail(String node, String message) {
            return new InvalidTreeException(node, "metric tree refused: " + message);
        }
    }
}
