// per-case rules: alpha breaks maxOpen and minProved; beta is excluded from rule 2 and keeps rule 3
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] cases/alpha.case:11: defeater:too_easy open")
assert log.contains("[WARNING] cases/beta.case:11: defeater:too_easy open")
assert log.contains("safecase gate failed: 1 case breaks its <rules> limits")
assert log.contains("failing obligations:\n  alpha: cases/alpha.case:11: defeater:too_easy open")
assert log.contains("rule 1 (includes alpha): case alpha (cases/alpha.case): 1 open > maxOpen 0")
assert log.contains("rule 2 (excludes cases/beta.case): case alpha (cases/alpha.case): proved 3/5 = 0.6 < minProved 0.8 (1 more to prove)")
assert !log.contains("rule 3")
assert log.contains("not proved (the proved share falls short):")
assert log.contains("MojoFailureException")
return true
