// 9/10 proved meets minProved 90%
def log = new File(basedir, "build.log").text

assert log.contains("safecase: 9 of 10 obligations proved; gate passed")
assert log.contains("BUILD SUCCESS")
return true
