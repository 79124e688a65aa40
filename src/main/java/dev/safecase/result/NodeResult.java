package dev.safecase.result;

/** The result of one node of the argument: every one starts with its {@link NodeInfo}. */
public interface NodeResult {
    NodeInfo node();

    default String id() {
        return node().id();
    }

    default String text() {
        return node().text();
    }

    default int line() {
        return node().line();
    }
}
