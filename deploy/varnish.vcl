# Varnish 7 in front of Agora (Debian: apt-get install varnish varnish-modules).
#
#   varnishd -a :80 -f /etc/varnish/agora/varnish.vcl -p vcl_path=/etc/varnish/agora -s malloc,1G
#
# The app instances are named in backends.vcl beside this file (edit it for your hosts). Set
# AGORA_PURGE_URLS=http://<this varnish>/ on every instance: each write sends
# `PURGE /` with the header `xkey-purge: <tags>`, and this file drops every page carrying one of
# those surrogate keys (the `xkey` response header). Only signed-out readers' pages are cached:
# the app marks them `Cache-Control: public, s-maxage=…`, everything else is private.
vcl 4.1;

import directors;
import std;
import xkey;
import cookie;

include "backends.vcl";

# Who may purge: the app instances. Add their addresses when they run on other hosts.
acl agora_purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  set req.backend_hint = agora.backend();

  if (req.method == "PURGE") {
    if (client.ip !~ agora_purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "xkey-purge header missing"));
    }
    set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.x-purged));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Live updates are a stream per reader.
  if (req.url ~ "^/api/") {
    return (pass);
  }
  # Framework files and uploads are the same for everyone and named by their content.
  if (req.url ~ "^/(_next/static|medien)/") {
    unset req.http.Cookie;
    return (hash);
  }
  # Signed-in readers: the app renders their pages. Client-side navigations and live refreshes
  # (RSC): the app answers them from its own page cache, keyed by headers Varnish does not vary on.
  if (req.http.Cookie ~ "(^|;\s*)(__Secure-)?authjs\.session-token" || req.http.RSC || req.url ~ "[?&]_rsc=") {
    return (pass);
  }
  # Only the public pages are shared; they read the language and sort cookies and nothing else.
  if (req.url ~ "^/(\?|$)" || req.url ~ "^/(artikel|rubrik|thema)/[^/?]+(/feed\.xml|/kommentare/feed\.xml)?(\?|$)" || req.url ~ "^/(feed|atom)\.xml(\?|$)") {
    cookie.parse(req.http.Cookie);
    cookie.keep("NEXT_LOCALE,agora_comment_sort");
    set req.http.Cookie = cookie.get_string();
    if (req.http.Cookie == "") {
      unset req.http.Cookie;
    }
    # Varnish asks the app for gzip and unzips for clients that do not take it, a cost on every
    # such hit; the app compresses once per page itself, so ask it for what the client takes and
    # keep one copy per encoding (the app's Vary: Accept-Encoding).
    if (req.http.Accept-Encoding ~ "gzip") {
      set req.http.x-agora-encoding = "gzip";
    } else {
      set req.http.x-agora-encoding = "identity";
    }
    # Past s-maxage a healthy app is asked again (the stale copy served for at most 10 s meanwhile);
    # while every instance is sick, pages are served for up to stale-if-error.
    if (std.healthy(req.backend_hint)) {
      set req.grace = 10s;
    }
    return (hash);
  }
  return (pass);
}

sub vcl_backend_fetch {
  if (bereq.http.x-agora-encoding == "identity") {
    unset bereq.http.Accept-Encoding;
  }
  unset bereq.http.x-agora-encoding;
}

sub vcl_hash {
  if (req.http.x-agora-encoding) {
    hash_data(req.http.x-agora-encoding);
  }
}

sub vcl_backend_response {
  # Nothing that sets a cookie is ever shared.
  if (beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
  # The app's old copy of a page while it renders the new one: for this request only.
  if (beresp.http.x-agora-cache == "STALE") {
    set beresp.ttl = 0s;
    set beresp.grace = 0s;
    set beresp.keep = 0s;
    return (deliver);
  }
  if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
    set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=(\d+).*$", "\1s"), 10s);
  }
  # A failed background refresh keeps the copy we have.
  if (beresp.status >= 500 && bereq.is_bgfetch) {
    return (abandon);
  }
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.x-varnish-cache = "HIT";
  } else {
    set resp.http.x-varnish-cache = "MISS";
  }
  unset resp.http.xkey;
  unset resp.http.x-purged;
}
