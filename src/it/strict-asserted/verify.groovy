// with strict=true the asserted claim is undischarged and named
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] cases/review.case:9: support:reviewed asserted")
assert log.contains("Safety board minutes, 2026-05-12")
assert log.contains("safecase gate failed: 1 obligation is asserted")
assert log.contains("MojoFailureException")
return true
