package dev.midad.render;

/** A template-only output as its own template sees it ({@code output.url}, e.g. for a self link). */
public record OutputView(String name, String mediaType, String url, String absoluteUrl) {}
