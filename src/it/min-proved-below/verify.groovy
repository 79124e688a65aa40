// 9/10 proved is below -Dsafecase.minProved=0.95 (which overrides the POM property 0.5); nothing else fails the gate
def log = new File(basedir, "build.log").text

assert log.contains("safecase: case budget (cases/budget.case): discharged, 9 of 10 obligations proved")
assert log.contains("safecase gate failed: proved 9/10")
assert log.contains("< minProved 0.95")
assert log.contains("MojoFailureException")
return true
