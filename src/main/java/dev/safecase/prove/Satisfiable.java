package dev.safecase.prove;

/**
 * What the consistency phase found out about an obligation's premises before its block is decided:
 * satisfiable together (shown by a model of a superset), or not known to be. Satisfiability is a
 * fact about the premises alone, so a block's verdicts depend on their obligations only, never on
 * how the fact was found.
 */
public enum Satisfiable {
    /** a model satisfies them all: the premises need no check of their own */
    YES,
    /** not shown: the block's session checks the premises itself (and finds the clash's core) */
    NOT_SHOWN
}
