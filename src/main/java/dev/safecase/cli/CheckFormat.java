package dev.safecase.cli;

import dev.safecase.report.CodeQualityReport;
import dev.safecase.report.GithubAnnotations;
import dev.safecase.report.JsonReport;
import dev.safecase.report.JunitReport;
import dev.safecase.report.MarkdownReport;
import dev.safecase.report.SarifReport;
import dev.safecase.result.Run;
import java.util.Locale;

/** What {@code check --format} prints on stdout. */
enum CheckFormat {
    TEXT, JSON, GITHUB, MARKDOWN, JUNIT, SARIF, CODEQUALITY;

    static CheckFormat parse(String s) {
        for (CheckFormat f : values()) if (f.name().toLowerCase(Locale.ROOT).equals(s)) return f;
        throw new Main.BadOption("--format must be text, json, github, markdown, junit, sarif or codequality, not " + s);
    }

    String render(Run run) {
        return switch (this) {
            case TEXT -> Summary.text(run);
            case JSON -> JsonReport.render(run);
            case GITHUB -> GithubAnnotations.render(run);
            case MARKDOWN -> MarkdownReport.render(run);
            case JUNIT -> JunitReport.render(run);
            case SARIF -> SarifReport.render(run);
            case CODEQUALITY -> CodeQualityReport.render(run);
        };
    }
}
