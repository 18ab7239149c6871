package dev.midad.model;

/** A page from {@code pages/}: about, contact. Never listed or in feeds. */
public record StaticPageView(
        String title, String url, String absoluteUrl, String summary, String contentHtml, String sourcePath) {}
