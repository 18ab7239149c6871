// Runs after `mvn midad:init site` in a folder holding only the README's pom.xml.
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

Path site = basedir.toPath().resolve('target/site')
String read(Path file) {
    assert Files.isRegularFile(file): "missing ${file}"
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
}

assert Files.isRegularFile(basedir.toPath().resolve('site.yaml')): 'midad:init wrote no site.yaml'
assert read(site.resolve('index.html')).contains('موقعي الإخباري'): 'the home page lacks the new site title'
assert read(site.resolve('about/index.html')).contains('من نحن'): 'the page init wrote was not built'
List<Path> welcome = Files.walk(site).withCloseable { s ->
    s.filter { it.endsWith('welcome/index.html') }.toList()
}
assert welcome.size() == 1: "the article init wrote was not built (or not once): ${welcome}"

String log = read(basedir.toPath().resolve('build.log'))
assert !log.contains('NoClassDefFoundError'): 'the site plugin crashed'
List<String> midadLines = log.readLines().findAll { it.contains('Midad:') }
assert midadLines.last().contains('mvn midad:serve'): "the build's last line does not say how to view the site: ${midadLines.last()}"
return true
