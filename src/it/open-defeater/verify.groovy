// the open defeater is named and fails the gate
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] cases/sandbox.case:11: defeater:too_easy open")
assert log.contains("safecase gate failed: 1 obligation is open")
assert log.contains("MojoFailureException")
return true
