package dev.safecase.result;

/** What every node result starts with: its ID, its text and the line it is declared on. */
public record NodeInfo(String id, String text, int line) {}
