// multi-module: skips, the aggregate, haltOnFailure=false, -f, and mvn site
def log = new File(basedir, "build.log").text

// the parent and the module without cases are skipped with an info line, not failed
assert log.contains("[INFO] safecase: report skipped: module multi-module (pom packaging) has no cases (nothing at cases)")
assert log.contains("[INFO] safecase: check skipped: module no-cases has no cases (nothing at cases)")
assert !log.contains("SC001")

// the modules' own runs: paths relative to each module, though Maven runs in the parent's folder
assert log.contains("safecase: case small (cases/small.case): discharged, 10 of 10 obligations proved")
assert log.contains("[ERROR] cases/monitor.case:15: inference:bound_both refuted")
assert log.contains("    counterexample: ")
assert log.contains("the gate failed, but <haltOnFailure> is false: the build goes on")

// the aggregate covers both modules, paths relative to the parent
assert log.contains("safecase: report-aggregate over 2 modules: proved, refuted")
assert log.contains("safecase: check-aggregate over 2 modules: proved, refuted")
assert log.contains("[ERROR] refuted/cases/monitor.case:15: inference:bound_both refuted")
def agg = new File(basedir, "target/site/safecase-aggregate/safecase.json").text
assert agg.contains('"file": "proved/cases/small.case"')
assert agg.contains('"file": "refuted/cases/monitor.case"')

// invocation 2: -f refuted/pom.xml with the gate on: the failure names the obligation, its reason and counterexample
assert log.contains("safecase gate failed: 1 obligation is refuted\nfailing obligations:\n  monitor: cases/monitor.case:15: inference:bound_both refuted")
def sarif = new File(basedir, "refuted/target/site/safecase/safecase.sarif").text
assert sarif.contains('"uri": "cases/monitor.case"')

// invocation 3: mvn site writes each module's report and links it from the site menu
assert new File(basedir, "proved/target/site/safecase/index.html").isFile()
assert new File(basedir, "refuted/target/site/safecase/index.html").isFile()
assert new File(basedir, "target/site/safecase-aggregate/index.html").isFile()
def menu = new File(basedir, "proved/target/site/project-reports.html").text
assert menu.contains('href="safecase/index.html"')
def parentMenu = new File(basedir, "target/site/project-reports.html").text
assert parentMenu.contains('href="safecase-aggregate/index.html"')
assert !log.contains("since it is not a report")
return true
