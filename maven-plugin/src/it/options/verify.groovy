// `mvn package -Dmidad.drafts=true -Dmidad.outputDirectory=target/preview`: the -D properties reach the mojo.
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

Path out = basedir.toPath().resolve('target/preview')
assert Files.isRegularFile(out.resolve('index.html')): 'midad.outputDirectory ignored: no target/preview/index.html'
assert !Files.exists(basedir.toPath().resolve('target/site')): 'wrote to the default target/site despite midad.outputDirectory'

boolean draftShown = Files.walk(out).withCloseable { s ->
    s.filter { Files.isRegularFile(it) && it.fileName.toString().endsWith('.html') }
     .anyMatch { new String(Files.readAllBytes(it), StandardCharsets.UTF_8).contains('مسودة لا تنشر أبدا') }
}
assert draftShown: 'midad.drafts=true ignored: the draft appears nowhere'
return true
