package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.bench.Generator;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.LayeredLayout.Box;
import dev.safecase.report.LayeredLayout.Edge;
import dev.safecase.report.LayeredLayout.Point;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagram layout on hard graphs: the example cases, a case shaped like the GSN standard's examples (shared goals
 * and solutions, a defeater eliminated from below), generated benchmark cases, and random trees and DAGs. Checked:
 * no two nodes overlap, the width stays within the bound, no edge runs through a node it does not join, and few
 * edges cross. The figures are printed, so a change in quality shows in the test log.
 */
class DiagramLayoutTest {
    @TempDir
    static Path tmp;
    private static final Map<String, CaseResult> cases = new LinkedHashMap<>();

    /** The bound on the drawing: the layout's width with its margins, and the room a wrapped level may take. */
    static final double BOUND = SvgReport.MAX_WIDTH + 2 * 20 + 2 * TreeLayout.INDENT;

    @BeforeAll
    static void prove() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path gen = tmp.resolve("gen");
        Files.createDirectories(gen);
        Files.writeString(gen.resolve("bench600.case"), Generator.generate(600, true));
        Files.copy(root.resolve("src/test/resources/report/gsn-standard.case"), gen.resolve("gsn-standard.case"));
        Run examples = new Verifier(Options.defaults(root).withToday(LocalDate.of(2026, 11, 22)).withJobs(2))
                .run(List.of(root.resolve("cases"))).run();
        Run generated = new Verifier(Options.defaults(gen).withJobs(2)).run(List.of(gen)).run();
        for (Run r : List.of(examples, generated)) {
            for (CaseResult c : r.cases()) cases.put(c.name(), c);
        }
        assertEquals(List.of(), generated.diagnostics().stream().filter(d -> d.isError()).toList());
        assertTrue(cases.containsKey("gsn_standard") && cases.containsKey("bench600") && cases.containsKey("control"));
    }

    /** What a layout did: its size, overlaps, edges through nodes and crossings. */
    record Quality(double width, double height, int nodes, int overlaps, int throughNodes, int crossings) {}

    static Quality measure(LayeredLayout.Result r, List<Edge> edges) {
        List<Map.Entry<String, Box>> boxes = new ArrayList<>(r.boxes().entrySet());
        int overlaps = 0;
        // sort by left edge and sweep, so thousands of nodes stay cheap
        boxes.sort((a, b) -> Double.compare(a.getValue().left(), b.getValue().left()));
        for (int i = 0; i < boxes.size(); i++) {
            Box a = boxes.get(i).getValue();
            for (int j = i + 1; j < boxes.size() && boxes.get(j).getValue().left() < a.right(); j++) {
                Box b = boxes.get(j).getValue();
                if (a.bottom() > b.top() && b.bottom() > a.top()) overlaps++;
            }
        }
        List<Seg> segs = new ArrayList<>();
        for (Edge e : edges) {
            List<Point> p = r.paths().get(e);
            if (p == null) continue;
            for (int i = 1; i < p.size(); i++) segs.add(new Seg(e, p.get(i - 1), p.get(i)));
        }
        int through = 0;
        for (Seg s : segs) {
            for (Map.Entry<String, Box> b : boxes) {
                if (b.getKey().equals(s.e.from()) || b.getKey().equals(s.e.to())) continue;
                if (s.crosses(b.getValue())) through++;
            }
        }
        int crossings = 0;
        segs.sort((a, b) -> Double.compare(Math.min(a.a.x(), a.b.x()), Math.min(b.a.x(), b.b.x())));
        for (int i = 0; i < segs.size(); i++) {
            Seg s = segs.get(i);
            double right = Math.max(s.a.x(), s.b.x());
            for (int j = i + 1; j < segs.size() && Math.min(segs.get(j).a.x(), segs.get(j).b.x()) <= right; j++) {
                Seg t = segs.get(j);
                if (s.e.equals(t.e) || s.e.from().equals(t.e.from()) || s.e.to().equals(t.e.to())) continue;
                if (s.intersects(t)) crossings++;
            }
        }
        return new Quality(r.width(), r.height(), boxes.size(), overlaps, through, crossings);
    }

    record Seg(Edge e, Point a, Point b) {
        /** Runs through the inside of a box (touching its outline does not count). */
        boolean crosses(Box x) {
            double l = x.left() + 1;
            double r = x.right() - 1;
            double t = x.top() + 1;
            double bo = x.bottom() - 1;
            // Liang-Barsky clipping of the segment against the shrunken box
            double t0 = 0;
            double t1 = 1;
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {a.x() - l, r - a.x(), a.y() - t, bo - a.y()};
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) return false;
                } else {
                    double u = q[i] / p[i];
                    if (p[i] < 0) t0 = Math.max(t0, u);
                    else t1 = Math.min(t1, u);
                }
            }
            return t0 < t1;
        }

        /** A proper crossing: the segments meet at a point inside both. */
        boolean intersects(Seg o) {
            double d1 = cross(o.a, o.b, a);
            double d2 = cross(o.a, o.b, b);
            double d3 = cross(a, b, o.a);
            double d4 = cross(a, b, o.b);
            return d1 * d2 < 0 && d3 * d4 < 0;
        }

        private static double cross(Point o, Point p, Point q) {
            return (p.x() - o.x()) * (q.y() - o.y()) - (p.y() - o.y()) * (q.x() - o.x());
        }
    }

    private static Quality ofCase(CaseResult c) {
        SvgReport.Scene s = SvgReport.scene(new CaseGraph(c), java.util.Set.of());
        return measure(s.layout(), List.copyOf(s.edges().keySet()));
    }

    @Test
    void exampleAndGeneratedCasesLayOutWithoutOverlapWithinTheBound() {
        StringBuilder log = new StringBuilder();
        for (CaseResult c : cases.values()) {
            Quality q = ofCase(c);
            log.append(String.format("%-14s %5d nodes  %7.0f x %8.0f px  overlaps %d  through nodes %d  crossings %d%n",
                    c.name(), q.nodes(), q.width(), q.height(), q.overlaps(), q.throughNodes(), q.crossings()));
            assertEquals(0, q.overlaps(), c.name() + ": " + q);
            assertTrue(q.width() <= BOUND, c.name() + ": " + q);
            assertTrue(q.throughNodes() <= q.nodes() / 50, c.name() + ": " + q);
        }
        System.out.print(log);
    }

    @Test
    void theGsnStandardShapeHasFewCrossings() {
        Quality q = ofCase(cases.get("gsn_standard"));
        assertEquals(0, q.overlaps(), q.toString());
        assertEquals(0, q.throughNodes(), q.toString());
        assertTrue(q.crossings() <= 6, q.toString());
    }

    /** Random trees with side nodes and the odd second parent, both layouts, many seeds. */
    @Test
    void randomGraphsLayOutWithoutOverlapWithinTheBound() {
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            int n = 20 + r.nextInt(seed < 34 ? 120 : 900);
            List<LayeredLayout.Spec> specs = new ArrayList<>();
            List<Edge> edges = new ArrayList<>();
            Map<String, LayeredLayout.Side> side = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                specs.add(new LayeredLayout.Spec("n" + i, 100 + r.nextInt(120), 40 + r.nextInt(60)));
                if (i > 0) edges.add(new Edge("n" + r.nextInt(i), "n" + i));
                if (i > 1 && r.nextInt(12) == 0) edges.add(new Edge("n" + r.nextInt(i - 1), "n" + i));
                if (r.nextInt(6) == 0) {
                    String s = "c" + i;
                    specs.add(new LayeredLayout.Spec(s, 90 + r.nextInt(80), 40 + r.nextInt(30)));
                    side.put(s, new LayeredLayout.Side("n" + i, r.nextBoolean()));
                }
            }
            LayeredLayout.Result res = SvgReport.layout(specs, edges, side);
            Quality q = measure(res, edges);
            assertEquals(specs.size(), res.boxes().size(), "seed " + seed);
            assertEquals(0, q.overlaps(), "seed " + seed + ": " + q);
            assertTrue(q.width() <= BOUND, "seed " + seed + ": " + q);
            LayeredLayout.Result tree = TreeLayout.layout(specs, edges, side, 20, SvgReport.MAX_WIDTH);
            Quality t = measure(tree, edges);
            assertEquals(0, t.overlaps(), "tree, seed " + seed + ": " + t);
            assertTrue(t.width() <= BOUND, "tree, seed " + seed + ": " + t);
        }
    }

    @Test
    void aWideFanWrapsIntoRows() {
        List<LayeredLayout.Spec> specs = new ArrayList<>(List.of(new LayeredLayout.Spec("top", 160, 60)));
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            specs.add(new LayeredLayout.Spec("f" + i, 130, 50));
            edges.add(new Edge("top", "f" + i));
        }
        LayeredLayout.Result r = SvgReport.layout(specs, edges, Map.of());
        Quality q = measure(r, edges);
        assertEquals(0, q.overlaps(), q.toString());
        assertEquals(0, q.throughNodes(), q.toString());
        assertTrue(q.width() <= BOUND, q.toString());
        assertTrue(r.boxes().get("top").top() < r.boxes().get("f0").top());
    }
}
