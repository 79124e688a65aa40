package dev.safecase.ast;

import dev.safecase.diag.Position;

/** A string literal: its decoded value and its position. */
public record Text(Position pos, String value) {
}
