// the zip runs with only a JRE: unzip it, then run bin/safecase from an empty folder with only java on the PATH
import java.nio.file.Files
import java.nio.file.Paths

def zip = new File(distribution)
assert zip.isFile() : "mvn package builds ${zip}"
def dist = new File(basedir, "dist")
dist.mkdirs()
def unzip = ["unzip", "-q", "-o", zip.path, "-d", dist.path].execute()
unzip.waitFor()
assert unzip.exitValue() == 0 : unzip.err.text
def home = new File(dist, zip.name.replace(".zip", ""))
["bin/safecase", "bin/safecase.cmd", "lib/safecase.jar", "README.md", "docs/cli.md", "docs/maven.md", "examples/hello.case"].each {
    assert new File(home, it).isFile() : "the zip holds ${it}"
}
assert new File(home, "bin/safecase").canExecute() : "bin/safecase keeps its executable mode"
assert new File(home, "bin/safecase.cmd").text.contains("\r\n") : "the .cmd file has DOS line ends"

// a PATH with java and nothing else (no dirname, no readlink, no bash)
def javaOnly = new File(basedir, "java-only")
javaOnly.mkdirs()
def javaLink = new File(javaOnly, "java").toPath()
Files.deleteIfExists(javaLink)
Files.createSymbolicLink(javaLink, Paths.get(System.getProperty("java.home"), "bin", "java"))
def empty = new File(basedir, "empty")
empty.mkdirs()

def run = { List<String> args ->
    def pb = new ProcessBuilder([new File(home, "bin/safecase").path] + args)
    pb.directory(empty)
    pb.environment().clear()
    pb.environment().put("PATH", javaOnly.path)
    pb.redirectErrorStream(true)
    def p = pb.start()
    def out = p.inputStream.text
    p.waitFor()
    [p.exitValue(), out]
}

def (vcode, vout) = run(["--version"])
assert vcode == 0 : vout
assert vout.startsWith("safecase 0.1.0") : vout

def (code, out) = run(["check", new File(home, "examples/hello.case").path])
assert code == 0 : out
assert out.contains("case hello (") && out.contains("): discharged") : out
assert out.contains("gate: PASSED") : out

def (rcode, rout) = run(["check", new File(home, "examples/budget.case").path])
assert rcode == 1 : rout
assert rout.contains("refuted") : rout
return true
