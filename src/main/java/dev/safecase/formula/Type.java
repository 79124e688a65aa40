package dev.safecase.formula;

import java.util.List;

/** The type of a resolved term. Probability is REAL with the range [0, 1]. */
public sealed interface Type permits Type.Bool, Type.Int, Type.Real, Type.EnumType {
    Bool BOOL = new Bool();
    Int INT = new Int();
    Real REAL = new Real();

    String describe();

    record Bool() implements Type {
        public String describe() { return "bool"; }
    }

    record Int() implements Type {
        public String describe() { return "int"; }
    }

    record Real() implements Type {
        public String describe() { return "real"; }
    }

    /** An enum; {@code name} is its name as visible in the case ({@code Hazard}, {@code ai.Level}). */
    record EnumType(String name, List<String> members) implements Type {
        public EnumType {
            members = List.copyOf(members);
        }

        public String describe() { return "enum " + name; }
    }

    default boolean isNumeric() {
        return this instanceof Int || this instanceof Real;
    }
}
