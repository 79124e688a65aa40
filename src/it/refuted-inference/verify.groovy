// check names the refuted obligation at its line and fails the build; report ran first
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] cases/monitor.case:15: inference:bound_both refuted")
assert log.contains("p_harm <= 0.01 fails")
assert log.contains("safecase: case monitor (cases/monitor.case): NOT discharged")
assert log.contains("safecase gate failed: 1 obligation is refuted")
assert log.contains("MojoFailureException")
assert !log.contains("MojoExecutionException")
assert new File(basedir, "target/site/safecase/index.html").isFile()
return true
