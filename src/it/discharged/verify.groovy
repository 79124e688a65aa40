// report and check shared one run; the case is discharged; the HTML report exists
def log = new File(basedir, "build.log").text

assert log.contains("safecase: report written to")
assert log.contains("safecase: using this build's earlier run")
assert log.contains("safecase: case small (cases/small.case): discharged, 10 of 10 obligations proved")
assert log.contains("safecase: 10 of 10 obligations proved; gate passed")
assert log.contains("BUILD SUCCESS")
assert new File(basedir, "target/site/safecase/index.html").isFile()
return true
