package dev.northstar.metrics.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.attribution.Attribution;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static Document parseStrictly(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(100);
        Document doc = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).as("HTML5 parse errors").isEmpty();
        return doc;
    }

    @Test
    void isWellFormedHtml5() {
        Reports r = new Reports(true);

        Document doc = parseStrictly(HtmlReport.render(r.card(), r.why()));

        assertThat(doc.documentType().name()).isEqualTo("html");
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(doc.title()).isEqualTo("Scorecard tpv 2026-W47");
    }

    @Test
    void drawsOneTrendSvgPerNodeInsideItsPlaceInTheTree() {
        Reports r = new Reports(true);
        Scorecard card = r.card();

        Document doc = parseStrictly(HtmlReport.render(card, r.why()));

        assertThat(doc.select("svg.trend")).hasSize(card.nodes().size());
        for (var n : card.nodes()) {
            Element node = doc.getElementById("node-" + n.metric());
            assertThat(node).as(n.metric()).isNotNull();
            assertThat(node.select("svg.trend")).hasSize(1);
            assertThat(node.select("svg.trend polyline")).as(n.metric() + " has a line").hasSize(1);
        }
        assertThat(doc.select("ul.tree > li > ul > li")).hasSize(5);
        assertThat(doc.select("ul.tree > li > div.node").attr("id")).isEqualTo("node-tpv");
    }

    @Test
    void loadsNothingFromAnyOrigin() {
        Reports r = new Reports(true);

        Document doc = parseStrictly(HtmlReport.render(r.card(), r.why()));

        assertThat(doc.select("script, link, img, iframe, object, embed, audio, video, source, base")).isEmpty();
        assertThat(doc.select("[src], [href], [srcset], [action], [poster], [data]")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import")
                .doesNotContain("@font-face");
        assertThat(doc.select("[style]")).isEmpty();
    }

    @Test
    void showsStatusesAndTheAttribution() {
        Reports r = new Reports(true);

        Document doc = parseStrictly(HtmlReport.render(r.card(), r.why()));

        assertThat(doc.getElementById("node-fraud_rate").select(".badge").text()).isEqualTo("on track");
        assertThat(doc.getElementById("node-success_rate").classNames()).contains("node");
        assertThat(doc.select("p.summary").text()).isEqualTo(r.why().summary());
        assertThat(doc.select("h2").eachText()).contains("Metric tree", "Formula checks", "Why tpv moved");
    }

    @Test
    void escapesTextFromTheData() {
        PaymentsWorld world = new PaymentsWorld();
        var merchant = Dimension.open("merchant", 8);
        SumMetric gmv = world.registry.register(MetricDefinition.sum("gmv").money("CNY").dimensions(merchant)
                .description("Gross value <b>by</b> merchant & \"friends\"").build());
        gmv.add(gmv.series("<script>alert(1)</script>"), 100, PaymentsWorld.at(PaymentsWorld.PRIOR_WEEK, 0));
        gmv.add(gmv.series("<script>alert(1)</script>"), 300, PaymentsWorld.at(PaymentsWorld.WEEK, 0));
        gmv.add(gmv.series("plain"), 100, PaymentsWorld.at(PaymentsWorld.WEEK, 0));
        gmv.add(gmv.series("plain"), 100, PaymentsWorld.at(PaymentsWorld.PRIOR_WEEK, 0));
        MetricTree tree = MetricTree.builder().northStar("gmv").build(world.registry);

        String html = HtmlReport.render(Scorecard.evaluate(tree, world.registry, PaymentsWorld.THIS_WEEK),
                Attribution.explain(tree, world.registry, PaymentsWorld.THIS_WEEK));
        Document doc = parseStrictly(html);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("b")).isEmpty();
        assertThat(doc.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void anEmptyWindowDrawsNoDataAndNeverNaN() {
        Reports r = new Reports(false);

        String html = HtmlReport.render(r.card(), r.why());
        Document doc = parseStrictly(html);

        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(doc.select("svg.trend")).hasSize(6);
        assertThat(doc.select("svg.trend text").eachText()).containsOnly("no data");
        assertThat(doc.select(".node.NO_DATA")).hasSize(6);
    }
}
