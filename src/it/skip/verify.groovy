// both goals skipped: no run, no report
def log = new File(basedir, "build.log").text

assert log.count("safecase: skipped (safecase.skip)") == 2
assert !log.contains("obligations proved")
assert log.contains("BUILD SUCCESS")
assert !new File(basedir, "target/safecase").exists()
return true
