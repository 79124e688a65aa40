package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.report.LayeredLayout.Box;
import dev.safecase.report.LayeredLayout.Edge;
import dev.safecase.report.LayeredLayout.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layered layout puts parents above children, keeps nodes apart and untangles what it can. */
class ReportLayoutTest {
    private static List<Spec> specs(String... ids) {
        List<Spec> out = new ArrayList<>();
        for (String id : ids) out.add(new Spec(id, 100, 40));
        return out;
    }

    private static void assertNoOverlap(Map<String, Box> boxes) {
        List<Box> all = List.copyOf(boxes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Box a = all.get(i);
                Box b = all.get(j);
                boolean apart = a.right() <= b.left() || b.right() <= a.left() || a.bottom() <= b.top()
                        || b.bottom() <= a.top();
                assertTrue(apart, "overlap: " + a + " " + b);
            }
        }
    }

    @Test
    void parentsAboveChildrenAndNoOverlap() {
        List<Edge> edges = List.of(new Edge("top", "s"), new Edge("s", "a"), new Edge("s", "b"), new Edge("a", "e1"),
                new Edge("b", "e2"), new Edge("top", "e2"));
        LayeredLayout.Result r = LayeredLayout.layout(specs("top", "s", "a", "b", "e1", "e2"), edges,
                Map.of("ctx", new LayeredLayout.Side("top", false)), 20);
        for (Edge e : edges) {
            assertTrue(r.boxes().get(e.from()).bottom() < r.boxes().get(e.to()).top(), e.toString());
        }
        assertNoOverlap(r.boxes());
        assertEquals(2, r.routes().get(new Edge("top", "e2")).size(), "a long edge bends through one dummy per layer crossed");
    }

    @Test
    void crossingsAreRemovedWhereTheyCanBe() {
        // b's children are listed before a's: the initial order crosses, barycentres fix it
        List<Edge> edges = List.of(new Edge("r", "a"), new Edge("r", "b"), new Edge("a", "y"), new Edge("b", "x"),
                new Edge("a", "y2"), new Edge("b", "x2"));
        LayeredLayout.Result r = LayeredLayout.layout(specs("r", "x", "x2", "a", "b", "y", "y2"), edges, Map.of(), 0);
        double ax = r.boxes().get("a").cx();
        double bx = r.boxes().get("b").cx();
        double yx = r.boxes().get("y").cx();
        double xx = r.boxes().get("x").cx();
        assertEquals(ax < bx, yx < xx, "children follow their parents' order");
    }

    @Test
    void sideNodesSitBesideTheirAnchor() {
        LayeredLayout.Result r = LayeredLayout.layout(specs("top", "child", "ctx"), List.of(new Edge("top", "child")),
                Map.of("ctx", new LayeredLayout.Side("top", false)), 10);
        Box top = r.boxes().get("top");
        Box ctx = r.boxes().get("ctx");
        assertEquals(top.cy(), ctx.cy());
        assertTrue(ctx.left() >= top.right());
        assertNoOverlap(r.boxes());
    }

    @Test
    void sideColumnsStackBesideTheirAnchorAndKeepOthersAway() {
        List<Spec> specs = new ArrayList<>(specs("top", "s", "n", "child"));
        specs.add(new Spec("c1", 140, 60));
        specs.add(new Spec("a1", 160, 70));
        specs.add(new Spec("a2", 120, 90));
        Map<String, LayeredLayout.Side> side = Map.of("c1", new LayeredLayout.Side("s", true),
                "a1", new LayeredLayout.Side("s", false), "a2", new LayeredLayout.Side("s", false));
        List<Edge> edges = List.of(new Edge("top", "s"), new Edge("top", "n"), new Edge("s", "child"));
        LayeredLayout.Result r = LayeredLayout.layout(specs, edges, side, 10);
        assertNoOverlap(r.boxes());
        Box s = r.boxes().get("s");
        Box c1 = r.boxes().get("c1");
        Box a1 = r.boxes().get("a1");
        Box a2 = r.boxes().get("a2");
        assertTrue(c1.right() <= s.left(), "a context stands left");
        assertTrue(a1.left() >= s.right() && a2.left() >= s.right(), "assumptions stand right");
        assertEquals(a1.left(), a2.left(), "a column is aligned on its inner edge");
        assertTrue(a1.bottom() <= a2.top(), "stacked in order");
        assertEquals(s.cy(), (a1.top() + a2.bottom()) / 2, 0.11, "centred on the anchor");
        LayeredLayout.Band band = r.bandAt(s.cy());
        assertTrue(band.top() <= a1.top() && band.bottom() >= a2.bottom(), "the layer makes room for the column");
        assertTrue(r.boxes().get("child").top() > a2.bottom(), "the next layer starts below the column");
        assertTrue(r.width() >= 10 + 140 + LayeredLayout.SIDE_GAP + 100 + LayeredLayout.SIDE_GAP + 160 + 10 - 0.1);
    }

    @Test
    void cyclesDoNotBreakTheLayout() {
        LayeredLayout.Result r = LayeredLayout.layout(specs("a", "b", "c"),
                List.of(new Edge("a", "b"), new Edge("b", "c"), new Edge("c", "a")), Map.of(), 0);
        assertEquals(3, r.boxes().size());
        assertNoOverlap(r.boxes());
    }

    @Test
    void anUnconnectedNodeDoesNotStretchTheDrawing() {
        List<Edge> edges = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of("top", "lonely"));
        for (int i = 0; i < 8; i++) {
            ids.add("c" + i);
            edges.add(new Edge("top", "c" + i));
            ids.add("e" + i);
            edges.add(new Edge("c" + i, "e" + i));
        }
        LayeredLayout.Result r = LayeredLayout.layout(specs(ids.toArray(String[]::new)), edges, Map.of(), 0);
        double widest = 8 * 100 + 7 * LayeredLayout.NODE_GAP;
        assertTrue(r.width() <= widest + 1, "width " + r.width() + " > " + widest);
        assertNoOverlap(r.boxes());
    }
}
