// the bound is logged, and the gate names the root that exceeds the limit
def log = new File(basedir, "build.log").text

assert log.contains("safecase: root bounded:top doubt <= 3/200 (0.015)")
assert log.contains("safecase gate failed: root bounded:top has doubt bound 3/200 (0.015) > max-doubt 1/100")
return true
