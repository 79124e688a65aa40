// 3/200 <= 2%: nothing else fails the gate
def log = new File(basedir, "build.log").text

assert log.contains("safecase: root bounded:top doubt <= 3/200 (0.015)")
assert log.contains("gate passed")
assert log.contains("BUILD SUCCESS")
return true
