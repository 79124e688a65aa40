package dev.safecase.maven;

import dev.safecase.model.Model;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.Format;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.MarkdownReport;
import dev.safecase.report.Reports;
import dev.safecase.result.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The report goals, as plain goals and as Maven reports: under {@code mvn site} the report is an external one, written
 * into the site's {@code safecase/} folder (or {@code safecase-aggregate/}) and linked from the site menu under
 * "Project Reports". A report never fails the build because a case is not discharged, only on broken input, after
 * writing a report that shows the errors.
 */
abstract class AbstractReportMojo extends AbstractSafecaseMojo implements MavenReport {
    /** Which files to write, comma-separated: html, svg, json, junit, sarif, markdown, codequality, or all. */
    /** Where the project's files are on the web ({@code https://github.com/OWNER/REPO/blob/SHA}): summary.md links to them. */
    @Parameter(property = "safecase.linkBase")
    String linkBase;

    @Parameter(property = "safecase.formats", defaultValue = "html,svg,json,junit,sarif,markdown")
    String formats;

    /** The folder of this report; in a site, the site's folder plus {@link #folderName()}. */
    abstract File outputFolder();

    abstract void outputFolder(File dir);

    /** The report's folder under the site: {@code safecase} or {@code safecase-aggregate}. */
    abstract String folderName();

    /** Whether there is anything to report; logs why not. */
    abstract boolean nothingToReport();

    /** Whether some case path exists, so that a site should link the report. */
    abstract boolean hasCases();

    /** The run to report, the models of its cases, the inputs to protect from being overwritten, and its errors. */
    record Produced(Run run, List<Model.Case> models, Path root, List<Path> inputs, Optional<MojoExecutionException> errors) {}

    abstract Produced produce() throws MojoExecutionException;

    @Override
    public void execute() throws MojoExecutionException {
        if (nothingToReport()) return;
        write();
    }

    private void write() throws MojoExecutionException {
        Set<Format> which;
        try {
            which = Format.parseList(formats == null ? "" : formats);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase: <formats>: " + e.getMessage());
        }
        Optional<String> base;
        try {
            base = linkBase == null || linkBase.isBlank() ? Optional.empty() : Optional.of(MarkdownReport.checkLinkBase(linkBase));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase: <linkBase> " + e.getMessage());
        }
        Produced p = produce();
        Path dir = outputFolder().toPath().toAbsolutePath().normalize();
        try {
            Reports.write(p.run(), file -> sourceText(p.root(), file), base, dir,
                    OutputFolder.Protected.of(p.root(), p.inputs(), p.models()), which);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("safecase: cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        getLog().info("safecase: report written to " + (which.contains(Format.HTML) ? dir.resolve("index.html") : dir));
        if (p.errors().isPresent()) throw p.errors().get();
    }

    /** Models of the prepared cases of a run, for protecting their inputs. */
    static List<Model.Case> models(Verifier.Outcome o) {
        return new ArrayList<>(o.prepared().values().stream().map(Verifier.Prepared::model).toList());
    }

    // MavenReport: what mvn site asks

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        if (nothingToReport()) return;
        try {
            write();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return folderName() + "/index";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File siteFolder) {
        if (siteFolder == null) return;
        outputFolder(siteFolder.getName().equals(folderName()) ? siteFolder : new File(siteFolder, folderName()));
    }

    @Override
    public File getReportOutputDirectory() {
        return outputFolder();
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip && hasCases();
    }

    /** A case file's text for its source page, by the name the run shows it under (relative to the project). */
    private Optional<String> sourceText(Path root, String file) {
        for (Path base : List.of(project == null ? root : project.getBasedir().toPath(), root)) {
            try {
                Path f = base.resolve(file);
                if (Files.isRegularFile(f)) return Optional.of(Files.readString(f));
            } catch (IOException | RuntimeException e) {
                // no page text: the source page says so
            }
        }
        return Optional.empty();
    }
}
