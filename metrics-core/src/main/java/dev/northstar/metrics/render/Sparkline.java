package dev.northstar.metrics.render;

import dev.northstar.metrics.scorecard.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A node's trend as an inline SVG line: one point per period, oldest left, scaled to the
 * trend's own range (at least 2% of its level, so noise stays flat); a period without data
 * breaks the line. Pure markup: no script, no style
 * sheet, no external reference.
 */
final class Sparkline {
    static final int WIDTH = 160;
    static final int HEIGHT = 36;
    private static final int PAD = 4;

    private Sparkline() {
    }

    static String svg(String metric, Trend trend, String colour) {
        List<Trend.Point> points = trend.points();
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"trend of ").append(Html.escape(metric))
                .append(" over ").append(points.size()).append(" periods\">");
        b.append("<title>").append(Html.escape(metric)).append(": ");
        List<String> described = new ArrayList<>();
        for (Trend.Point p : points) {
            described.add(p.label() + " " + (p.value().isPresent() ? Format.plain(Math.abs(p.value().getAsDouble()))
                    .transform(s -> p.value().getAsDouble() < 0 ? "-" + s : s) : "no data"));
        }
        b.append(Html.escape(String.join(", ", described))).append("</title>");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Trend.Point p : points) {
            if (p.value().isPresent() && Double.isFinite(p.value().getAsDouble())) {
                min = Math.min(min, p.value().getAsDouble());
                max = Math.max(max, p.value().getAsDouble());
            }
        }
        if (min > max) {
            b.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2 + 4)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#888\">no data</text></svg>");
            return b.toString();
        }
        // a range under 2% of the level is drawn as 2%, so that noise does not look like a cliff
        double floor = 0.02 * Math.max(Math.abs(max), Math.abs(min));
        if (max - min < floor) {
            double mid = (max + min) / 2;
            min = mid - floor / 2;
            max = mid + floor / 2;
        }
        double step = points.size() > 1 ? (WIDTH - 2.0 * PAD) / (points.size() - 1) : 0;
        double range = max - min;
        List<String> run = new ArrayList<>();
        String last = null;
        for (int i = 0; i < points.size(); i++) {
            Trend.Point p = points.get(i);
            if (p.value().isEmpty() || !Double.isFinite(p.value().getAsDouble())) {
                line(b, run, colour);
                continue;
            }
            double x = PAD + i * step;
            double y = range == 0 ? HEIGHT / 2.0 : HEIGHT - PAD - (p.value().getAsDouble() - min) / range * (HEIGHT - 2.0 * PAD);
            String xy = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
            run.add(xy);
            last = xy;
        }
        line(b, run, colour);
        if (last != null) {
            String[] xy = last.split(",");
            b.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2.5\" fill=\"")
                    .append(colour).append("\"/>");
        }
        return b.append("</svg>").toString();
    }

    private static void line(StringBuilder b, List<String> run, String colour) {
        if (run.size() == 1) {
            String[] xy = run.get(0).split(",");
            b.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"1.5\" fill=\"")
                    .append(colour).append("\"/>");
        } else if (run.size() > 1) {
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(String.join(" ", run)).append("\"/>");
        }
        run.clear();
    }
}
