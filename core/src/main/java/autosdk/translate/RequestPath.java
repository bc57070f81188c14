package autosdk.translate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a REST operation's request goes, read from the key under {@code paths}: some specs write a literal query into
 * it ({@code /files?beta=true}), which the client must send as query pairs rather than as part of the path, and some
 * write no leading '/'.
 *
 * @param template     the path without the literal query, starting with '/'
 * @param fixedQuery   the literal query pairs, decoded, in order
 * @param placeholders the {@code {name}}s of the template, in order, each once
 */
record RequestPath(String template, Map<String, String> fixedQuery, Set<String> placeholders) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

    static RequestPath of(String specPath) {
        String path = specPath;
        Map<String, String> fixedQuery = new LinkedHashMap<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&", -1)) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                fixedQuery.put(
                        decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            path = path.substring(0, q);
        }
        if (!path.startsWith("/")) path = "/" + path;
        Set<String> placeholders = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) placeholders.add(m.group(1));
        return new RequestPath(path, fixedQuery, placeholders);
    }

    /** A literal '+' in a spec's path is a plus, not an encoded space. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
