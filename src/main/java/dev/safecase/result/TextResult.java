package dev.safecase.result;

/** A context or justification node ({@code kind} is "context" or "justification"). */
public record TextResult(NodeInfo node, String kind) {
    public String id() {
        return node.id();
    }

    public String text() {
        return node.text();
    }

    public int line() {
        return node.line();
    }
}
