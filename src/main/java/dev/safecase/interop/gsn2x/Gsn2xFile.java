package dev.safecase.interop.gsn2x;

import dev.safecase.diag.Position;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * One gsn2x YAML file as read: its optional {@code module:} information and its elements, each
 * with the place it was written. Attributes safecase has no notion of (url, classes, layout,
 * confidence points, layers, …) are kept verbatim in {@code passthrough}.
 */
public record Gsn2xFile(Path path, String display, Optional<Module> module, List<Element> elements) {
    public Gsn2xFile {
        elements = List.copyOf(elements);
    }

    /** The file name as gsn2x's {@code uses:} names it. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /** An ID or file name as written, and where. */
    public record Ref(String id, Position pos) {}

    /** {@code extends: [{module: M, develops: {G1: [G2]}}]}: undeveloped elements of M developed here. */
    public record Extension(Ref module, List<Develop> develops) {
        public Extension {
            develops = List.copyOf(develops);
        }
    }

    public record Develop(Ref foreign, List<Ref> local) {
        public Develop {
            local = List.copyOf(local);
        }
    }

    /**
     * The module information. {@code raw} is the whole mapping as plain data (without the
     * {@code safecase} key), kept so that an export writes it back unchanged.
     */
    public record Module(Position pos, String name, Optional<String> brief, List<Ref> uses, List<Extension> extensions,
                         Optional<String> safecase, LinkedHashMap<String, Object> raw) {
        public Module {
            uses = List.copyOf(uses);
            extensions = List.copyOf(extensions);
        }
    }

    /** What a counter-argument challenges: an element, or the relation between two ({@code A -> B}). */
    public sealed interface Challenge permits OfElement, OfRelation {
        Position pos();
    }

    public record OfElement(Ref target) implements Challenge {
        public Position pos() {
            return target.pos();
        }
    }

    public record OfRelation(Ref from, Ref to, String written) implements Challenge {
        public Position pos() {
            return from.pos();
        }
    }

    /**
     * An element. {@code explicitType} says the file gave {@code nodeType}; {@code safecase} holds the
     * layers safecase writes on export ({@code safecase-formula}, {@code safecase}, {@code safecase-from}).
     */
    public record Element(String id, Position pos, GsnType type, boolean explicitType, String text, Position textPos,
                          List<Ref> supportedBy, List<Ref> inContextOf, Optional<Challenge> challenges,
                          boolean undeveloped, LinkedHashMap<String, Object> passthrough,
                          LinkedHashMap<String, Ref> safecase) {
        public Element {
            supportedBy = List.copyOf(supportedBy);
            inContextOf = List.copyOf(inContextOf);
        }

        /** A node that safecase generated (a pattern instance's, a bundled module's): the {@code safecase-from} layer. */
        public Optional<Ref> generatedBy() {
            return Optional.ofNullable(safecase.get(Gsn2xNames.FROM));
        }
    }
}
