package dev.midad.importer;

import dev.midad.content.OldAddress;
import dev.midad.problem.Problem;
import dev.midad.text.Bidi;
import dev.midad.text.PortableNames;
import dev.midad.text.Slugs;
import dev.midad.text.UrlPaths;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Imports a WordPress export (WXR: WordPress → Tools → Export → All content) into a Midad site folder.
 *
 * <p>Every post becomes {@code articles/yyyy/mm/<id>-<name>.md} and every page {@code pages/<id>-<name>.md}, with
 * front matter: {@code title}, {@code slug} (WordPress stores it percent-encoded; it is written decoded, in
 * Arabic), {@code date} (from the GMT date, written with the offset of the site's time zone), {@code author}
 * (display name), {@code category} (the primary category; further categories become tags), {@code tags},
 * {@code summary} (the excerpt), {@code image}/{@code image_alt}/{@code image_caption} (the featured image),
 * {@code featured} (sticky posts), {@code draft} (drafts, pending, private and password-protected posts),
 * {@code aliases} and {@code wp_id}, from which the site redirects every old address. The aliases are the old
 * permalink's path, percent-encoded exactly as WordPress served it, and its AMP variant ({@code …/amp/}); an alias
 * that is the article's new address as well (same permalink pattern, slug and date, the usual case) is left out,
 * as the article itself answers there. The body is converted by {@link HtmlToMarkdown}.
 *
 * <p>Image addresses are kept as they were: nothing is lost, and once the old {@code wp-content/uploads} folder is
 * copied to {@code static/wp-content/uploads} they keep working on the same domain (the report says so when it
 * applies). Attachments, menu items and theme settings are not articles and are skipped with the reason.
 *
 * <p>Longer than 400 lines on purpose: the mapping of one WordPress item to front matter reads best in one
 * place; reading the XML ({@link WxrReader}) and converting bodies ({@link HtmlToMarkdown}) are apart.
 */
final class WxrImporter {
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter FRONT_MATTER_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final DateTimeFormatter MONTH_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM", Locale.ROOT);
    private static final Set<String> DEFAULT_CATEGORIES = Set.of("uncategorized", "غير-مصنف");
    private static final Set<String> THEME_TYPES = Set.of(
            "wp_global_styles",
            "wp_template",
            "wp_template_part",
            "wp_navigation",
            "wp_block",
            "custom_css",
            "customize_changeset",
            "oembed_cache",
            "user_request",
            "wp_font_family",
            "wp_font_face",
            "wp_pattern");

    private final ImportOptions options;

    public WxrImporter(ImportOptions options) {
        this.options = options;
    }

    /**
     * Imports {@code wxr} into {@code siteDir} ({@code articles/} and {@code pages/} are created as needed).
     *
     * @throws ImportException the file is not a well-formed WordPress export; nothing was written
     * @throws IOException     a file could not be read or written
     */
    public ImportReport importFile(Path wxr, Path siteDir) throws IOException, ImportException {
        WxrReader.Export export = WxrReader.read(wxr);
        return new Run(wxr, siteDir, export).run();
    }

    /** One import: the export, its lookup tables, and the report being written. */
    private final class Run {
        private final Path wxr;
        private final Path siteDir;
        private final WxrReader.Export export;
        private final ImportReport.Builder report = new ImportReport.Builder();
        private final Map<Long, WxrReader.Item> attachments = new HashMap<>();
        private final Map<Long, Long> featuredBy = new HashMap<>();
        private final Map<Long, AttachmentMetadata> metadatas = new HashMap<>();
        private final Map<Long, HtmlToMarkdown.Media> media = new HashMap<>();
        private final HtmlToMarkdown converter;
        private final ListAddresses lists;
        private final Set<String> languagesWithoutEdition = new java.util.TreeSet<>();
        private final String uploads;
        private final TargetSite target;
        private int uploadReferences;
        private int comments;

        Run(Path wxr, Path siteDir, WxrReader.Export export) {
            this.wxr = wxr;
            this.siteDir = siteDir;
            this.export = export;
            for (WxrReader.Item item : export.items()) {
                if (item.type().equals("attachment")) {
                    attachments.put(item.id(), item);
                    AttachmentMetadata metadata =
                            AttachmentMetadata.of(item.meta().get("_wp_attachment_metadata"));
                    metadatas.put(item.id(), metadata);
                    String url = item.attachmentUrl();
                    String folder = url.substring(0, url.lastIndexOf('/') + 1);
                    media.put(
                            item.id(),
                            new HtmlToMarkdown.Media(
                                    url,
                                    item.meta()
                                            .getOrDefault("_wp_attachment_image_alt", "")
                                            .strip(),
                                    item.parent(),
                                    metadata.width(),
                                    metadata.height(),
                                    metadata.sizeFiles().stream()
                                            .map(file -> folder + file)
                                            .toList()));
                }
                String thumbnail = item.meta().getOrDefault("_thumbnail_id", "").strip();
                if (thumbnail.matches("\\d{1,18}")) {
                    featuredBy.putIfAbsent(Long.parseLong(thumbnail), item.id());
                }
            }
            this.converter = new HtmlToMarkdown(media);
            this.target = TargetSite.read(siteDir, options.timeZone());
            this.lists = new ListAddresses(target.perPage(), target.pagination());
            this.uploads = export.blogUrl().replaceFirst("^https?://", "") + "/wp-content/uploads/";
        }

        ImportReport run() throws IOException {
            export.problems().forEach(report::problem);
            for (WxrReader.Item item : export.items()) {
                importItem(item);
            }
            writeListAddresses();
            for (String code : languagesWithoutEdition) {
                report.problem(Problem.of(
                        wxr,
                        "the posts in language " + code + " were imported into the main edition with lang: " + code
                                + "; for their own home, lists and feeds add an edition to site.yaml (editions:"
                                + " [{language: " + code + ", direction: " + Bidi.directionOfLanguage(code)
                                + "}]) and import again"));
            }
            if (comments > 0) {
                report.problem(Problem.of(
                        wxr,
                        comments + " comment" + (comments == 1 ? " was" : "s were")
                                + " not imported: the site has no comments"));
            }
            if (uploadReferences > 0) {
                report.problem(
                        Problem.of(
                                wxr,
                                uploadReferences + " imported article" + (uploadReferences == 1 ? " uses" : "s use")
                                        + " images from " + export.blogUrl() + "/wp-content/uploads/: copy that"
                                        + " folder to static/wp-content/uploads/ so they keep working when WordPress is switched off"));
            }
            return report.build();
        }

        private void importItem(WxrReader.Item item) throws IOException {
            String source = item.type() + " " + item.id();
            String skip = skipReason(item);
            if (skip != null) {
                report.skipped(source, skip);
                return;
            }
            boolean page = item.type().equals("page");
            boolean draft = switch (item.status()) {
                case "draft", "pending", "private" -> true;
                default -> false;
            };
            if (!item.password().isEmpty()) {
                draft = true;
                problem(item, "was password-protected: imported as a draft, so it is not published to everyone");
            }
            if (page && draft) {
                report.skipped(
                        source,
                        "a page that is not published (" + item.status() + "): the site publishes"
                                + " every page in pages/, so it is not imported");
                return;
            }
            ZonedDateTime date = date(item);
            if (date == null) {
                report.failed(
                        source,
                        "no usable date (wp:post_date_gmt '" + item.postDateGmt() + "', wp:post_date '"
                                + item.postDate() + "')");
                return;
            }
            Shortcodes.Gallery gallery = Shortcodes.firstGallery(item.content(), media, item.id());
            HtmlToMarkdown.Result body =
                    converter.convert(gallery == null ? item.content() : gallery.html(), item.id());
            for (String note : body.notes()) {
                problem(item, note);
            }
            String title = plainText(item.title());
            if (title.isEmpty()) {
                title = firstWords(plainText(item.content()));
                if (title.isEmpty()) {
                    report.failed(source, "no title and no text");
                    return;
                }
                problem(item, "has no title: its first words were used, '" + title + "'");
            }
            String slug = portableSlug(decode(item.postName(), item), item);
            Map<String, Object> front = new LinkedHashMap<>();
            front.put("title", title);
            // Always written: without it a later headline edit would move the published article.
            String ownSlug = slug.isEmpty() ? Slugs.slugify(title) : slug;
            if (!ownSlug.isEmpty()) {
                front.put("slug", ownSlug);
            }
            if (!page) {
                front.put("date", date.format(FRONT_MATTER_DATE));
                String author = author(item);
                if (!author.isEmpty()) {
                    front.put("author", author);
                }
                Language spoken = language(item);
                // posts of another edition are in its lists, under its own path
                boolean listed = !draft
                        && item.status().equals("publish")
                        && (spoken == null
                                || spoken.code() == null
                                || !target.editions().containsKey(spoken.code()));
                if (listed) {
                    lists.post();
                    if (!author.isEmpty()) {
                        lists.term(
                                "author",
                                authorNicename(item.creator()),
                                "author",
                                target.addresses().slug(author));
                    }
                }
                terms(item, front, listed);
            }
            String summary = plainText(item.excerpt());
            if (!summary.isEmpty()) {
                front.put("summary", summary);
            }
            if (!page) {
                featuredImage(item, front);
                if (gallery != null) {
                    front.put("gallery", gallery(gallery.ids()));
                    problem(
                            item,
                            "has a [gallery]: its images are in the front matter's gallery: list, which the page shows"
                                    + " below the lead image rather than where the shortcode was");
                }
                if (item.sticky()) {
                    front.put("featured", true);
                }
                if (draft) {
                    front.put("draft", true);
                }
            }
            Language language = language(item);
            String edition = page || language == null || language.code() == null
                    ? null
                    : target.editions().get(language.code());
            if (language != null && !page) {
                if (edition == null && language.code() != null) {
                    front.put("lang", language.code());
                    languagesWithoutEdition.add(language.code());
                }
                if (!language.translations().isEmpty()) {
                    front.put("translation_key", language.translations());
                }
            }
            String own = edition != null
                    ? null // in its edition's folder: the build leaves out an alias that is its own address
                    : page
                            ? target.pagePath(slug.isEmpty() ? title : slug)
                            : target.articlePath(slug.isEmpty() ? title : slug, (String) front.get("category"), date);
            List<String> aliases = new ArrayList<>();
            for (String alias : aliases(item)) {
                dev.midad.text.AliasPaths.Checked checked = dev.midad.text.AliasPaths.path(alias);
                if (!checked.ok()) { // the site would refuse it: report it here, keep the article
                    problem(
                            item,
                            "its old address '" + dev.midad.yaml.VisibleText.of(alias) + "' " + checked.problem()
                                    + ": no redirect from it");
                    continue;
                }
                String decoded = checked.path();
                if (!UrlPaths.decode(alias, "").equals(decoded)) {
                    alias = UrlPaths.encode(decoded); // normalised, e.g. //greek/x/ to /greek/x/
                }
                boolean itself =
                        decoded.equals(own) || own != null && target.amp() && !page && decoded.equals(own + "amp/");
                if (!itself) {
                    aliases.add(alias);
                }
            }
            if (!aliases.isEmpty()) {
                front.put("aliases", aliases);
            }
            front.put("wp_id", item.id());
            if (body.markdown().contains(uploads)
                    || String.valueOf(front.get("image")).contains(uploads)) {
                uploadReferences++;
            }
            comments += item.comments();

            String name = FileNames.ascii(slug.isEmpty() ? title : slug);
            String fileName = item.id() + (name.isEmpty() ? "" : "-" + name) + ".md";
            Path folder = edition == null ? Path.of("") : Path.of("editions", edition);
            Path relative = page
                    ? Path.of("pages", fileName)
                    : folder.resolve("articles")
                            .resolve(date.format(MONTH_FOLDER))
                            .resolve(fileName);
            String markdown = ContentFiles.markdown(front, body.markdown());
            ContentFiles.Outcome outcome = ContentFiles.write(siteDir.resolve(relative), markdown, options.overwrite());
            if (outcome == ContentFiles.Outcome.EXISTS) {
                report.skipped(
                        source,
                        relative.toString().replace('\\', '/')
                                + " already exists (import with overwrite to replace it)");
            } else {
                report.imported(source, title, relative, outcome == ContentFiles.Outcome.REPLACED);
            }
        }

        private String skipReason(WxrReader.Item item) {
            String type = item.type();
            if (type.equals("attachment")) {
                Long post = featuredBy.get(item.id());
                return post != null
                        ? "an attachment: the featured image of post " + post + ", kept there as image:"
                        : "an attachment (media file): posts that show it keep its address";
            }
            if (type.equals("nav_menu_item")) {
                return "a menu item: the site's menu is set with menu: in site.yaml";
            }
            if (type.equals("revision")) {
                return "a revision: only the current version of a post is imported";
            }
            if (THEME_TYPES.contains(type)) {
                return "WordPress theme or editor settings (" + type + "), not content";
            }
            if (!type.equals("post") && !type.equals("page")) {
                return "post type '" + type + "' is not imported: only posts and pages are";
            }
            return switch (item.status()) {
                case "trash" -> "in WordPress's trash";
                case "auto-draft" -> "an auto-draft: WordPress's empty placeholder";
                case "inherit" -> "status 'inherit': a copy belonging to another post";
                default -> null;
            };
        }

        /** The GMT date; for drafts (whose GMT date is 0000-00-00) the local date in the site's zone. */
        private ZonedDateTime date(WxrReader.Item item) {
            LocalDateTime gmt = wpDate(item.postDateGmt());
            if (gmt != null) {
                return gmt.atOffset(ZoneOffset.UTC).atZoneSameInstant(options.timeZone());
            }
            LocalDateTime local = wpDate(item.postDate());
            if (local != null) {
                return local.atZone(options.timeZone());
            }
            try {
                return ZonedDateTime.parse(item.pubDate(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .withZoneSameInstant(options.timeZone());
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static LocalDateTime wpDate(String text) {
            if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
                return null;
            }
            try {
                return LocalDateTime.parse(text.strip(), WP_DATE);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private String author(WxrReader.Item item) {
            WxrReader.Author author = export.authors().get(item.creator());
            if (author != null && !author.displayName().isBlank()) {
                return plainText(author.displayName());
            }
            return plainText(item.creator());
        }

        /** category: the primary (Yoast or Rank Math) or first category; other categories join the tags. */
        private void terms(WxrReader.Item item, Map<String, Object> front, boolean listed) {
            List<String> categories = new ArrayList<>();
            Map<String, String> categorySlugs = new LinkedHashMap<>(); // WordPress nicename by name
            Map<String, String> tagSlugs = new LinkedHashMap<>();
            Set<String> tags = new LinkedHashSet<>();
            for (WxrReader.ItemTerm term : item.terms()) {
                String name = plainText(term.name());
                if (name.isEmpty()) {
                    continue;
                }
                String nicename = decode(term.nicename(), item);
                if (term.domain().equals("category")) {
                    if (DEFAULT_CATEGORIES.contains(nicename.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    if (!categories.contains(name)) {
                        categories.add(name);
                    }
                    categorySlugs.putIfAbsent(name, nicename);
                } else if (term.domain().equals("post_tag")) {
                    tags.add(name);
                    tagSlugs.putIfAbsent(name, nicename);
                }
            }
            String primary = null;
            for (String key : List.of("_yoast_wpseo_primary_category", "rank_math_primary_category")) {
                String id = item.meta().getOrDefault(key, "").strip();
                if (id.matches("\\d{1,18}")) {
                    String name = export.termNames().get(Long.parseLong(id));
                    if (name != null && categories.contains(plainText(name))) {
                        primary = plainText(name);
                        break;
                    }
                }
            }
            if (primary == null && !categories.isEmpty()) {
                primary = categories.get(0);
            }
            if (primary != null) {
                front.put("category", primary);
                List<String> others = new ArrayList<>(categories);
                others.remove(primary);
                if (!others.isEmpty()) {
                    problem(
                            item,
                            "is in " + categories.size() + " categories; an article has one, so "
                                    + String.join("، ", others)
                                    + (others.size() == 1 ? " became a tag" : " became tags"));
                    List<String> merged = new ArrayList<>(others);
                    merged.addAll(tags);
                    tags = new LinkedHashSet<>(merged);
                }
            }
            if (!tags.isEmpty()) {
                front.put("tags", new ArrayList<>(tags));
            }
            if (listed) {
                String category = primary;
                categorySlugs.forEach((name, nicename) -> lists.term(
                        "category",
                        nicename,
                        name.equals(category) ? "category" : "tag",
                        target.addresses().slug(name)));
                tagSlugs.forEach((name, nicename) ->
                        lists.term("tag", nicename, "tag", target.addresses().slug(name)));
            }
        }

        /**
         * Old list and feed addresses to the new ones in data/redirects.yaml; an existing file is kept unless
         * overwrite is asked, as articles are.
         */
        private void writeListAddresses() throws IOException {
            List<String> unkept = lists.unkept();
            if (!unkept.isEmpty()) {
                report.problem(Problem.of(
                        wxr,
                        "old addresses not redirected, as their names cannot be files on every system (Windows"
                                + " device names): " + String.join(", ", unkept)));
            }
            int count = lists.redirects().size();
            if (count == 0) {
                return;
            }
            String shown = OldAddress.FILE.toString().replace('\\', '/');
            ContentFiles.Outcome outcome =
                    ContentFiles.write(siteDir.resolve(OldAddress.FILE), lists.yaml(), options.overwrite());
            report.problem(Problem.of(
                    wxr,
                    outcome == ContentFiles.Outcome.EXISTS
                            ? shown + " already exists and was kept (import with overwrite to replace it): the old"
                                    + " category, tag, author, feed and page addresses redirect only as it says"
                            : count + " old category, tag, author, feed and page addresses redirect to the new ones"
                                    + " (listed in " + shown + ")"));
        }

        /** WordPress's {@code /author/<nicename>/}: the login, lower case, made a URL segment, as WordPress does. */
        private static String authorNicename(String login) {
            return login.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_-]+", "-")
                    .replaceAll("-{2,}", "-")
                    .replaceAll("^-|-$", "");
        }

        /**
         * A post's language when it is not the main edition's: Polylang's {@code language} term (its slug, e.g.
         * {@code en}) and its {@code post_translations} group, the key linking its translations; null for the
         * main language or none.
         */
        private Language language(WxrReader.Item item) {
            String code = "";
            String group = "";
            for (WxrReader.ItemTerm term : item.terms()) {
                String nicename = term.nicename().strip();
                if (term.domain().equals("language") && nicename.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
                    code = TargetSite.primary(nicename);
                } else if (term.domain().equals("post_translations") && nicename.matches("[A-Za-z0-9_-]{1,100}")) {
                    group = nicename;
                }
            }
            if (code.isEmpty()) {
                return null;
            }
            return new Language(code.equals(target.language()) ? null : code, group);
        }

        private void featuredImage(WxrReader.Item item, Map<String, Object> front) {
            String id = item.meta().getOrDefault("_thumbnail_id", "").strip();
            if (id.isEmpty() || id.equals("0")) {
                return;
            }
            WxrReader.Item attachment = id.matches("\\d{1,18}") ? attachments.get(Long.parseLong(id)) : null;
            if (attachment == null || attachment.attachmentUrl().isEmpty()) {
                problem(item, "its featured image (attachment " + id + ") is not in the export: set image: by hand");
                return;
            }
            String url = attachment.attachmentUrl();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                problem(
                        item,
                        "its featured image address '" + url + "' is not an http(s) address: set image: by" + " hand");
                return;
            }
            front.put("image", UrlPaths.encodeNonAscii(url));
            String alt = plainText(attachment.meta().getOrDefault("_wp_attachment_image_alt", ""));
            if (!alt.isEmpty()) {
                front.put("image_alt", alt);
            }
            String caption = plainText(attachment.excerpt());
            if (!caption.isEmpty()) {
                front.put("image_caption", caption);
            }
            AttachmentMetadata metadata = metadatas.get(attachment.id());
            if (!metadata.credit().isEmpty()) {
                front.put("image_credit", metadata.credit());
            }
            if (metadata.width() > 0) {
                front.put("image_width", metadata.width());
                front.put("image_height", metadata.height());
            }
        }

        /** The front matter's gallery: list: each image's address, alt text, caption, credit and size. */
        private List<Map<String, Object>> gallery(List<Long> ids) {
            List<Map<String, Object>> images = new ArrayList<>();
            for (long id : ids) {
                WxrReader.Item attachment = attachments.get(id);
                AttachmentMetadata metadata = metadatas.get(id);
                Map<String, Object> image = new LinkedHashMap<>();
                image.put("src", UrlPaths.encodeNonAscii(attachment.attachmentUrl()));
                String alt = plainText(attachment.meta().getOrDefault("_wp_attachment_image_alt", ""));
                if (!alt.isEmpty()) {
                    image.put("alt", alt);
                }
                String caption = plainText(attachment.excerpt());
                if (!caption.isEmpty()) {
                    image.put("caption", caption);
                }
                if (!metadata.credit().isEmpty()) {
                    image.put("credit", metadata.credit());
                }
                if (metadata.width() > 0) {
                    image.put("width", metadata.width());
                    image.put("height", metadata.height());
                }
                images.add(image);
            }
            return images;
        }

        /**
         * The old addresses to redirect from: the permalink's path, percent-encoded exactly as WordPress served it
         * (relative to the old site's root), and its AMP variant. None when the link is a query (?p=123, drafts),
         * which the site redirects using wp_id.
         */
        private List<String> aliases(WxrReader.Item item) {
            String link = item.link();
            if (link.isEmpty()) {
                return List.of();
            }
            URI uri;
            try {
                uri = new URI(UrlPaths.encodeNonAscii(link));
            } catch (URISyntaxException e) {
                problem(item, "its address '" + link + "' is not a valid URL: no redirect from it");
                return List.of();
            }
            String path = uri.getRawPath();
            if (uri.getRawQuery() != null || path == null || path.isEmpty()) {
                return List.of();
            }
            String basePath =
                    URI.create(UrlPaths.encodeNonAscii(export.blogUrl() + "/")).getRawPath();
            basePath = basePath == null ? "" : basePath.replaceAll("/+$", "");
            if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
                path = path.substring(basePath.length());
            }
            if (path.equals("/") || path.isEmpty()) {
                return List.of();
            }
            String amp = path.endsWith("/") ? path + "amp/" : path + "/amp/";
            return List.of(path, amp);
        }

        /** Percent-decoded (WordPress stores Arabic slugs and nicenames as %d8%a8…); as written if malformed. */
        private String decode(String encoded, WxrReader.Item item) {
            if (encoded == null || encoded.isBlank()) {
                return "";
            }
            try {
                return Texts.stripControls(
                        URLDecoder.decode(encoded.strip().replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                problem(item, "'" + encoded + "' is not valid percent-encoding: kept as written");
                return encoded.strip();
            }
        }

        /**
         * A WordPress slug as written (the site's slug rules apply when it builds), unless it is no portable folder
         * name ({@code ../}, {@code \}, a bidi control, {@code CON}): then its slug by the site's rules, so that
         * no front matter carries it.
         */
        private String portableSlug(String slug, WxrReader.Item item) {
            java.util.Optional<String> problem = slug.contains("/")
                    ? java.util.Optional.of("contains '/'")
                    : slug.isEmpty() ? java.util.Optional.empty() : PortableNames.problem(slug);
            if (problem.isEmpty()) {
                return slug;
            }
            String safe = Slugs.slugify(slug);
            problem(
                    item,
                    "its slug '" + dev.midad.yaml.VisibleText.of(slug) + "' " + problem.get() + ": "
                            + (safe.isEmpty() ? "a slug was made from the title" : "written as slug: " + safe));
            return safe;
        }

        private void problem(WxrReader.Item item, String message) {
            report.problem(Problem.at(wxr, item.line(), item.type() + " " + item.id() + " " + message));
        }
    }

    /**
     * A post's language.
     *
     * @param code         its primary subtag; null when it is the main edition's
     * @param translations the key its translations share; empty when none
     */
    private record Language(String code, String translations) {}

    /**
     * Text of a title, name or excerpt that may hold entities or tags; control characters and bidi overrides
     * dropped, spaces single.
     */
    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Texts.trim(Texts.stripBidiControls(
                Texts.stripControls(Jsoup.parseBodyFragment(html).text()).replaceAll("\\s+", " ")));
    }

    private static String firstWords(String text) {
        String[] words = text.split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length && i < 8; i++) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(words[i]);
        }
        return out.toString();
    }
}
