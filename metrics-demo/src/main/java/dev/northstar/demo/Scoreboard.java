package dev.northstar.demo;

import dev.northstar.metrics.attribution.Attribution;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.render.ConsoleTable;
import dev.northstar.metrics.render.HtmlReport;
import dev.northstar.metrics.render.JsonReport;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.Status;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What both simulations end with: the tree's scorecard of a window against the one before, the
 * guardrails breached or at risk, why the North Star moved, and the HTML and JSON reports.
 */
final class Scoreboard {
    private Scoreboard() {
    }

    static void report(PrintWriter w, MetricRegistry registry, MetricTree tree, Window window,
                       List<MetricDefinition<?>> catalog, Path out, String name) throws IOException {
        Scorecard card = Scorecard.evaluate(tree, registry, window);
        Attribution why = Attribution.explain(tree, registry, window);
        w.println(ConsoleTable.render(card));
        List<NodeScore> alarms = card.nodes().stream().filter(n -> n.guardrail().isPresent())
                .filter(n -> n.status() == Status.BREACHED || n.status() == Status.AT_RISK).toList();
        w.println(alarms.isEmpty() ? "Guardrails: all clear" : "Guardrails:");
        for (NodeScore n : alarms) {
            w.printf("  %-8s %-24s %s (%s)%n", n.status().label().toUpperCase(), n.metric(),
                    Report.format(n.current().value()), n.guardrail().orElseThrow().threshold().describe());
        }
        w.printf("%nWhy %s moved: %s%n", tree.northStar().metric(), why.summary());
        Files.createDirectories(out);
        Path html = out.resolve(name + ".html");
        Path json = out.resolve(name + ".json");
        Path metrics = out.resolve(name + "-metrics.json");
        Files.writeString(html, HtmlReport.render(card, why));
        Files.writeString(json, JsonReport.render(card, why));
        Files.writeString(metrics, CatalogReport.json(CatalogReport.of(registry, catalog, window)));
        w.printf("%nWrote %s, %s and %s%n", html, json, metrics);
    }
}
