// Runs after `mvn package` of this project; `basedir` is the cloned project folder.
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

Path site = basedir.toPath().resolve('target/site')

String read(Path file) {
    assert Files.isRegularFile(file): "missing ${file}"
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
}

String index = read(site.resolve('index.html'))
assert index.contains('dir="rtl"'): 'index.html has no dir="rtl"'
assert index.contains('جريدة الاختبار'): 'index.html does not show the site title (UTF-8 lost?)'

assert Files.isRegularFile(site.resolve('rss.xml')): 'rss.xml missing'
assert read(site.resolve('rss.xml')).contains('افتتاح معرض الكتاب في الرياض'): 'rss.xml lacks the article title'

// The article's slug is made from its Arabic title: find its folder rather than guess it.
Path month = site.resolve('2024/06')
assert Files.isDirectory(month): "no ${month}"
List<Path> pages = Files.list(month).withCloseable { s ->
    s.filter { Files.isRegularFile(it.resolve('index.html')) }.toList()
}
println "Article folders under 2024/06: ${pages*.fileName}"
assert pages.size() == 1: "expected exactly one article page under 2024/06 (the draft must be left out), found ${pages*.fileName}"
Path article = pages[0]
assert article.fileName.toString() =~ /[\u0600-\u06FF]/: "slug '${article.fileName}' has no Arabic letters"
assert read(article.resolve('index.html')).contains('افتتاح معرض الكتاب في الرياض'): 'article page lacks its title'

// Drafts are left out by default (midad.drafts=false): no file may mention the draft.
Files.walk(site).withCloseable { s ->
    s.filter { Files.isRegularFile(it) && it.fileName.toString() ==~ /.*\.(html|xml|json|txt)/ }.each {
        assert !read(it).contains('مسودة لا تنشر أبدا'): "draft leaked into ${site.relativize(it)}"
    }
}
// The lead image gets WebP variants: ImageIO must know the WebP writer under Maven too, whichever thread first
// used ImageIO (without it the site was built in the original format only, with one warning)
List<Path> webp = Files.walk(site.resolve('images')).withCloseable { s ->
    s.filter { it.fileName.toString().endsWith('.webp') }.toList()
}
assert !webp.isEmpty(): "no WebP variant of the lead image under images/: ${Files.list(site.resolve('images')).withCloseable { it.toList() }}"

return true
