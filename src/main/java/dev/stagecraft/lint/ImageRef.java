package dev.stagecraft.lint;

/**
 * An image reference split the way hadolint's parser splits FROM: an optional registry (a first
 * component with a dot or a colon, or {@code localhost}), the name, an optional tag (after the
 * last colon past the last slash) and an optional digest (after {@code @}). No validation.
 */
record ImageRef(String registry, String name, String tag, String digest) {

    static ImageRef parse(String ref) {
        String rest = ref;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    /** Whether Docker would accept this as a reference: lower-case name components, a tag of word characters. */
    static boolean valid(String ref) {
        return ref.matches("^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*"
                + "(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$");
    }
}
