// report alone writes the HTML and passes, though the case is refuted; then the help goal
def log = new File(basedir, "build.log").text

assert log.contains("safecase: report written to")
assert log.contains("BUILD SUCCESS")
assert new File(basedir, "target/site/safecase/index.html").isFile()
assert log.contains("safecase:check")
assert log.contains("haltOnFailure")
assert log.contains("rules")
return true
