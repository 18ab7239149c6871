package dev.midad.cache;

/**
 * A key that is equal only for the same object: within one build the same model object holds the same
 * content, so a memo may go by identity where hashing the content would cost what the memo saves.
 */
public record Identity(Object value) {
    @Override
    public boolean equals(Object other) {
        return other instanceof Identity that && that.value == value;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }
}
