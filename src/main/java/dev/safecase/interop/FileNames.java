package dev.safecase.interop;

import dev.safecase.syntax.Identifiers;
import java.util.Set;

/** Names of the files that the importers write, made from the names of the files they read. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * A plain name ({@code [A-Za-z_][A-Za-z0-9_]*}, no reserved word) for a file: its name without
     * the extensions {@code .yaml}, {@code .yml}, {@code .xmi}, {@code .xml}, {@code .gsn}, {@code .sacm},
     * every other character an underscore; unique among {@code taken}, which it joins.
     */
    public static String stem(String fileName, Set<String> taken) {
        String s = fileName;
        for (boolean again = true; again; ) {
            again = false;
            for (String ext : new String[] {".yaml", ".yml", ".xmi", ".xml", ".gsn", ".sacm"}) {
                if (s.toLowerCase(java.util.Locale.ROOT).endsWith(ext) && s.length() > ext.length()) {
                    s = s.substring(0, s.length() - ext.length());
                    again = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        String base = sb.length() == 0 ? "imported" : sb.toString();
        if (Character.isDigit(base.charAt(0))) base = "m_" + base;
        if (!Identifiers.isBare(base) || isReserved(base)) base = base + "_m";
        String name = base;
        for (int n = 2; taken.contains(name); n++) name = base + "_" + n;
        taken.add(name);
        return name;
    }

    private static boolean isReserved(String s) {
        return Set.of("min", "max", "abs", "rule_of_three", "clopper_pearson_upper", "clopper_pearson_lower", "wilson_upper",
                "json", "stdlib").contains(s);
    }
}
