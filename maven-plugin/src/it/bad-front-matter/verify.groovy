// The build must fail, naming every broken article, not just the first.
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

Path log = basedir.toPath().resolve('build.log')
assert Files.isRegularFile(log): 'no build.log'
String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)

assert text.contains('BUILD FAILURE'): 'the build did not fail'
assert text.contains('Midad could not build'): 'the failure is not the Midad build failure'
assert text.contains('missing-title.md'): 'build.log does not name missing-title.md (no title)'
assert text.contains('broken-yaml.md'): 'build.log does not name broken-yaml.md (malformed YAML)'
assert !text.contains('good.md:'): 'good.md reported as a problem'
assert !Files.exists(basedir.toPath().resolve('target/site/index.html')): 'a broken site must not be written'
return true
