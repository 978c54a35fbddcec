package dev.paydesk.cases.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where outbound webhooks may go: http(s) URLs whose host resolves only to public addresses. Refused
 * are loopback, "this network" and unspecified (0.0.0.0/8, ::), link-local (169.254/16 with the cloud
 * metadata service, fe80::/10), private (10/8, 172.16/12, 192.168/16), shared CGNAT (100.64/10),
 * benchmarking (198.18/15), unique-local IPv6 (fc00::/7), site-local IPv6 and multicast and broadcast
 * addresses. Checked when a subscription is created and again, after DNS resolution, before every
 * delivery, so a name that later resolves inward is caught. {@code allowedHosts} lists hosts (names
 * or address literals) exempt from the check, for development and tests only.
 */
final class WebhookTargets {

    /** Resolves a host to all of its addresses (the system resolver in production). */
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    private final Resolver resolver;
    private final boolean allowPrivate;
    private final Set<String> allowedHosts;

    WebhookTargets(Resolver resolver, boolean allowPrivate, List<String> allowedHosts) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Why a URL may not receive webhooks, or empty when it may. */
    Optional<String> refusal(URI uri) {
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the webhook URL must be http(s) with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("the webhook URL must not carry credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowPrivate || allowedHosts.contains(host) || allowedHosts.contains(bare)) {
            return Optional.empty();
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + bare + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return Optional.of("the host " + bare + " does not resolve");
        }
        return addresses.stream().filter(WebhookTargets::internal).findFirst()
                .map(a -> "the host " + bare + " resolves to " + a.getHostAddress()
                        + ", an internal address; webhooks go to public addresses only");
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10 shared address space
                    || (first == 198 && (second & 0xfe) == 18)  // 198.18.0.0/15 benchmarking
                    || first >= 240;                            // reserved and broadcast
        }
        return (b[0] & 0xfe) == 0xfc;                           // fc00::/7 unique local
    }
}
