package dev.safecase.result;

/** A context or justification node ({@code kind} is "context" or "justification"). */
public record TextResult(NodeInfo node, String kind) implements NodeResult {}
