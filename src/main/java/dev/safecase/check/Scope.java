package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.formula.Type;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Name;
import dev.safecase.num.Rational;
import dev.safecase.diag.Position;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A namespace: the top level of a case or module, or a pattern instance (its parameters and
 * own declarations, falling back to the top level of the file that declares the pattern).
 */
public final class Scope {
    /** What a name can stand for. */
    public sealed interface Symbol permits EnumSym, QuantitySym, DefineSym, NodeSym, IndexedNodeSym, PatternSym, ModuleSym,
            PrefixSym, ParamSym, BoundSym, MemberSym {
        Position pos();
    }

    public record EnumSym(Position pos, Type.EnumType type) implements Symbol {}

    /** {@code name} is the symbol's name in the case ({@code cyber.pass_rate}); indexed quantities have an enum. */
    public record QuantitySym(Position pos, String name, Decl.Quantity decl, Scope scope) implements Symbol {}

    public record DefineSym(Position pos, String name, Decl.Define decl, Scope scope) implements Symbol {}

    public record NodeSym(Position pos, String id, Model.Kind kind) implements Symbol {}

    /**
     * An indexed node ({@code claim mitigated[h in Hazard]}): one node {@code id[m]} per member m of the enum that
     * {@code enumName} names in {@code scope}.
     */
    public record IndexedNodeSym(Position pos, String id, Model.Kind kind, Name enumName, Scope scope) implements Symbol {}

    public record PatternSym(Position pos, Decl.Pattern decl, Scope declaringScope) implements Symbol {}

    public record ModuleSym(Position pos, Scope module) implements Symbol {}

    /** A {@code use} prefix: its names are the instance's declarations. */
    public record PrefixSym(Position pos, Scope instance) implements Symbol {}

    /** A pattern parameter bound to an argument: a constant term, a member of an enum, or a text. */
    public record ParamSym(Position pos, Decl.ParamType type, Optional<Rational> number, Optional<Boolean> bool,
                           String source, Optional<MemberSym> member) implements Symbol {
        public ParamSym(Position pos, Decl.ParamType type, Optional<Rational> number, Optional<Boolean> bool, String source) {
            this(pos, type, number, bool, source, Optional.empty());
        }
    }

    /** An enum member reached by a qualified name ({@code Hazard.sabotage}). */
    public record MemberSym(Position pos, Type.EnumType type, String member) implements Symbol {}

    /** A variable bound by forall/exists/sum to one enum member during expansion. */
    public record BoundSym(Position pos, Type.EnumType type, String member) implements Symbol {}

    /** What a scope is the namespace of; texts interpolate {name} only in an instance. */
    public enum Kind { CASE, MODULE, INSTANCE }

    private final Scope parent;
    private final String prefix;
    private final Kind kind;
    private final Map<String, Symbol> names = new LinkedHashMap<>();
    /** A module's names that the files importing it may not use (its private declarations). */
    private final Set<String> hidden = new HashSet<>();
    /** A module's file, when it is on disk: its evidence paths are relative to it. */
    private final Optional<Path> file;
    /** How a module is shown in messages ({@code lib.hazards}, its file). */
    private final String shown;

    private Scope(Scope parent, String prefix, Kind kind, Optional<Path> file, String shown) {
        this.parent = parent;
        this.prefix = prefix;
        this.kind = kind;
        this.file = file;
        this.shown = shown;
    }

    private Scope(Scope parent, String prefix, Kind kind) {
        this(parent, prefix, kind, Optional.empty(), "");
    }

    /** The top level of the case being checked. */
    public static Scope ofCase() {
        return new Scope(null, "", Kind.CASE);
    }

    /** The top level of an imported module; its names are {@code prefix}-ed in the case. */
    public static Scope ofModule(String prefix) {
        return new Scope(null, prefix, Kind.MODULE);
    }

    /** The same, for the module {@code shown} ("lib.hazards (lib/hazards.case)") read from {@code file}. */
    public static Scope ofModule(String prefix, Optional<Path> file, String shown) {
        return new Scope(null, prefix, Kind.MODULE, file, shown);
    }

    /** A pattern instance: its own names, falling back to those of the file that declares the pattern. */
    public static Scope ofInstance(Optional<Scope> declaring, String prefix) {
        return new Scope(declaring.orElse(null), prefix, Kind.INSTANCE);
    }

    /** The prefix that this scope's declarations get in the case ({@code ""}, {@code cyber.}, {@code m.}). */
    public String prefix() {
        return prefix;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Scope> parent() {
        return Optional.ofNullable(parent);
    }

    /** A module's file on disk (absent for a bundled module, and for other scopes). */
    public Optional<Path> file() {
        return file;
    }

    /** How a module is named in messages: its import path and file. */
    public String shown() {
        return shown;
    }

    /** Marks a declared name as private: the files that import this module cannot use it. */
    public void hide(String name) {
        hidden.add(name);
    }

    public boolean isHidden(String name) {
        return hidden.contains(name);
    }

    /** Declares a name; returns the earlier symbol when the name is taken in this scope. */
    public Optional<Symbol> declare(String name, Symbol sym) {
        Symbol old = names.putIfAbsent(name, sym);
        return Optional.ofNullable(old);
    }

    public Optional<Symbol> local(String name) {
        return Optional.ofNullable(names.get(name));
    }

    public Optional<Symbol> lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Symbol sym = s.names.get(name);
            if (sym != null) return Optional.of(sym);
        }
        return Optional.empty();
    }

    /** A child scope for a bound variable. */
    public Scope bind(String var, Symbol sym) {
        Scope s = new Scope(this, prefix, kind, file, shown);
        s.names.put(var, sym);
        return s;
    }

    /** Every enum visible from here, innermost first, for bare member lookup. */
    public List<EnumSym> visibleEnums() {
        Map<String, EnumSym> out = new LinkedHashMap<>();
        for (Scope s = this; s != null; s = s.parent) {
            for (Symbol sym : s.names.values()) {
                if (sym instanceof EnumSym e) out.putIfAbsent(e.type().name(), e);
            }
        }
        return List.copyOf(out.values());
    }

    public Map<String, Symbol> locals() {
        return java.util.Collections.unmodifiableMap(names);
    }
}
