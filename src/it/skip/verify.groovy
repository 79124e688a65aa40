// both goals skipped: no run, no report
def log = new File(basedir, "build.log").text

assert log.count("skipped (<skip> is true)") == 2
assert !log.contains("obligations proved")
assert log.contains("BUILD SUCCESS")
assert !new File(basedir, "target/site/safecase").exists()
return true
