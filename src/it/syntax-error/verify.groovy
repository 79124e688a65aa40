// broken input: MojoExecutionException with file:line:col, from the report goal; check never runs
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] cases/broken.case:4:28: error: SC101 missing ']'")
assert log.contains("safecase: the cases have 1 input error:")
assert log.contains("MojoExecutionException")
assert !log.contains("MojoFailureException")
assert !log.contains(":check (default)")
return true
