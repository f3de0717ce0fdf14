/* eslint-disable no-script-url -- test data: an XSS corpus is made of script URLs */
/* global process, console, Buffer, URL */
// Generates tests/security/xss-payloads.json: the XSS corpus the security e2e sends through every place the
// UI shows outside text. Run `node tests/security/xss-corpus.mjs` after editing; the JSON is committed so a
// test run never depends on this script's output changing silently (xss-corpus.test.ts checks they agree).
//
// Provenance (vectors written down from these public sources, adapted; see PROVENANCE below):
//  - OWASP "XSS Filter Evasion Cheat Sheet" (cheatsheetseries.owasp.org, originally RSnake's list): script/img/
//    body/iframe/meta/style/table/link vectors, javascript: URLs with case, whitespace and entity tricks,
//    malformed tags, half-open tags, non-alpha-non-digit separators, "<<SCRIPT>", embedded tab/newline/CR.
//  - PortSwigger "Cross-site scripting cheat sheet": event handlers that fire without interaction
//    (onerror, onload, onfocus+autofocus, ontoggle, onbegin, onpageshow, onstart, onanimationstart ...).
//  - Mutation XSS (mXSS) and namespace confusion: Cure53/DOMPurify bypass write-ups (Michał Bentkowski's
//    noscript and math/mglyph/style vectors, Gareth Heyes' SVG/MathML foreign-content tricks, Masato Kinugawa's
//    noscript/template parsing differentials), raw-text elements (xmp, noembed, noframes, iframe, textarea,
//    title, style) whose closing tag hides in an attribute, comments and CDATA.
//  - 0xsobky's "ultimate XSS polyglot" and Gareth Heyes' short polyglots.
// Every payload calls the sentinel `top.__xss(<id>)` (or an encoded form of it) so a single execution
// anywhere is recorded with the payload's id; the tests define `__xss` before any page script runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('./xss-payloads.json', import.meta.url));

const js = (id) => `top.__xss(${id})`;
// The same call written so that naive filters miss it (all are valid JavaScript).
const jsVariants = [
  (id) => js(id),
  (id) => `\\u0074op.__xss(${id})`,
  (id) => `top['__x'+'ss'](${id})`,
  (id) => `[${id}].find(top.__xss)`,
  (id) => `top[\`__xss\`](${id})`,
  (id) => `(0,top.__xss)(${id})`,
];
const dec = (s, pad = 0) => [...s].map((c) => `&#${String(c.charCodeAt(0)).padStart(pad, '0')};`).join('');
const decNoSemi = (s) => [...s].map((c) => `&#${String(c.charCodeAt(0)).padStart(7, '0')}`).join('');
const hex = (s) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
const b64 = (s) => Buffer.from(s).toString('base64');

/** HTML vectors, {JS} = sentinel call. Each entry: [vector, source tag]. */
const HTML = [
  ['<script>{JS}</script>', 'owasp'],
  ['<SCRIPT>{JS}</SCRIPT>', 'owasp'],
  ['<ScRiPt>{JS}</sCrIpT>', 'owasp'],
  ['<script/xss>{JS}</script>', 'owasp'],
  ['<<SCRIPT>{JS};//\\<</SCRIPT>', 'owasp'],
  ['<SCRIPT SRC=data:text/javascript,{JS}></SCRIPT>', 'owasp'],
  ['<SCRIPT/XSS SRC="data:,{JS}"></SCRIPT>', 'owasp'],
  ['<SCRIPT SRC=data:,{JS}?<B>', 'owasp'],
  ['<scr<script>ipt>{JS}</scr</script>ipt>', 'owasp'],
  ['<IMG """><SCRIPT>{JS}</SCRIPT>">', 'owasp'],
  ['<IMG SRC="javascript:{JS};">', 'owasp'],
  ['<IMG SRC=javascript:{JS}>', 'owasp'],
  ['<IMG SRC=JaVaScRiPt:{JS}>', 'owasp'],
  ['<IMG SRC=`javascript:{JS}`>', 'owasp'],
  ['<IMG SRC=# onmouseover="{JS}">', 'owasp'],
  ['<IMG SRC= onmouseover="{JS}">', 'owasp'],
  ['<IMG onmouseover="{JS}">', 'owasp'],
  ['<IMG SRC=/ onerror="{JS}"></img>', 'owasp'],
  ['<img src=x onerror={JS}>', 'portswigger'],
  ['<img src=x onerror="{JS}">', 'portswigger'],
  ["<img src=x onerror='{JS}'>", 'portswigger'],
  ['<img/src=x/onerror={JS}>', 'portswigger'],
  ['<img src=x onerror\n={JS}>', 'owasp'],
  ['<img src=x onerror\t=\t{JS}>', 'owasp'],
  ['<img src=x:x onerror={JS} alt=0>', 'portswigger'],
  ['<IMG SRC="jav\tascript:{JS};">', 'owasp'],
  ['<IMG SRC="jav&#x09;ascript:{JS};">', 'owasp'],
  ['<IMG SRC="jav&#x0A;ascript:{JS};">', 'owasp'],
  ['<IMG SRC="jav&#x0D;ascript:{JS};">', 'owasp'],
  ['<IMG SRC=" &#14;  javascript:{JS};">', 'owasp'],
  ['<IMG SRC="`<javascript:{JS}>`">', 'owasp'],
  ['<IMG DYNSRC="javascript:{JS}">', 'owasp'],
  ['<IMG LOWSRC="javascript:{JS}">', 'owasp'],
  ['<IMG STYLE="xss:expr/*XSS*/ession({JS})">', 'owasp'],
  ['<INPUT TYPE="IMAGE" SRC="javascript:{JS};">', 'owasp'],
  ['<BODY BACKGROUND="javascript:{JS}">', 'owasp'],
  ['<BODY ONLOAD={JS}>', 'owasp'],
  ['<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`={JS}>', 'owasp'],
  ['<body onpageshow={JS}>', 'portswigger'],
  ['<BGSOUND SRC="javascript:{JS};">', 'owasp'],
  ['<BR SIZE="&{{JS}}">', 'owasp'],
  ['<LINK REL="stylesheet" HREF="javascript:{JS};">', 'owasp'],
  ['<STYLE>@import\'javascript:{JS}\';</STYLE>', 'owasp'],
  ['<STYLE>li {list-style-image: url("javascript:{JS}");}</STYLE><UL><LI>XSS</br>', 'owasp'],
  ['<STYLE TYPE="text/javascript">{JS};</STYLE>', 'owasp'],
  ['<STYLE>.XSS{background-image:url("javascript:{JS}");}</STYLE><A CLASS=XSS></A>', 'owasp'],
  ['<STYLE type="text/css">BODY{background:url("javascript:{JS}")}</STYLE>', 'owasp'],
  ['<style>@keyframes x{}</style><b style="animation-name:x" onanimationstart="{JS}"></b>', 'portswigger'],
  ['<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:{JS};">', 'owasp'],
  ['<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:{JS};">', 'owasp'],
  ['<IFRAME SRC="javascript:{JS};"></IFRAME>', 'owasp'],
  ['<IFRAME SRC=# onmouseover="{JS}"></IFRAME>', 'owasp'],
  ['<iframe srcdoc="<script>{JS}</script>"></iframe>', 'portswigger'],
  ['<iframe onload={JS}></iframe>', 'portswigger'],
  ['<FRAMESET><FRAME SRC="javascript:{JS};"></FRAMESET>', 'owasp'],
  ['<TABLE BACKGROUND="javascript:{JS}">', 'owasp'],
  ['<TABLE><TD BACKGROUND="javascript:{JS}">', 'owasp'],
  ['<DIV STYLE="background-image: url(javascript:{JS})">', 'owasp'],
  ['<DIV STYLE="background-image:\\0075\\0072\\006C\\0028\'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a{JS}\'\\0029">', 'owasp'],
  ['<DIV STYLE="width: expression({JS});">', 'owasp'],
  ['<OBJECT data="javascript:{JS}"></OBJECT>', 'owasp'],
  ['<object data="data:text/html,<script>{JS}</script>"></object>', 'portswigger'],
  ['<EMBED SRC="javascript:{JS}">', 'owasp'],
  ['<a href="javascript:{JS}">x</a>', 'owasp'],
  ['<a href="JaVaScRiPt:{JS}">x</a>', 'owasp'],
  ['<a href="jAvAsCrIpT&colon;{JS}">x</a>', 'portswigger'],
  ['<a href="&#x6a;avascript:{JS}">x</a>', 'owasp'],
  ['<a href="javas&#99;ript:{JS}">x</a>', 'owasp'],
  ['<a href=" javascript:{JS}">x</a>', 'owasp'],
  ['<a href="java\u0000script:{JS}">x</a>', 'owasp'],
  ['<a href="javascript&#58;{JS}">x</a>', 'portswigger'],
  ['<a href="data:text/html;base64,{B64}">x</a>', 'owasp'],
  ['<a id=x tabindex=1 onfocus={JS}></a>', 'portswigger'],
  ['<details open ontoggle={JS}>', 'portswigger'],
  ['<video><source onerror="{JS}"></video>', 'portswigger'],
  ['<video src=x onerror={JS}></video>', 'portswigger'],
  ['<audio src=x onerror={JS}>', 'portswigger'],
  ['<marquee onstart={JS}>x</marquee>', 'portswigger'],
  ['<input autofocus onfocus={JS}>', 'portswigger'],
  ['<select autofocus onfocus={JS}></select>', 'portswigger'],
  ['<textarea autofocus onfocus={JS}></textarea>', 'portswigger'],
  ['<keygen autofocus onfocus={JS}>', 'portswigger'],
  ['<input type=image src=x onerror={JS}>', 'portswigger'],
  ['<form action="javascript:{JS}"><input type=submit></form>', 'portswigger'],
  ['<button form=x formaction="javascript:{JS}">x</button>', 'portswigger'],
  ['<isindex type=image src=1 onerror={JS}>', 'portswigger'],
  ['<base href="javascript:{JS}//">', 'owasp'],
  ['<svg/onload={JS}>', 'portswigger'],
  ['<svg onload="{JS}"></svg>', 'portswigger'],
  ['<svg><script>{JS}</script></svg>', 'mxss'],
  ['<svg><script>{JSHEX}</script></svg>', 'mxss'],
  ['<svg><animate onbegin={JS} attributeName=x dur=1s>', 'portswigger'],
  ['<svg><a xlink:href="javascript:{JS}"><text x="20" y="20">XSS</text></a></svg>', 'portswigger'],
  ['<svg><image href=x onerror={JS}></image></svg>', 'portswigger'],
  ['<svg><style><img src=x onerror={JS}></style></svg>', 'mxss'],
  ['<svg></p><style><a id="</style><img src=1 onerror={JS}>">', 'mxss'],
  ['<svg><![CDATA[><image xlink:href="]]><img src=x onerror={JS}//"></svg>', 'mxss'],
  ['<math href="javascript:{JS}">CLICKME</math>', 'portswigger'],
  ['<math><style><img src=x onerror={JS}></style></math>', 'mxss'],
  ['<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror={JS}&gt;">', 'mxss'],
  ['<form><math><mtext></form><form><mglyph><style></math><img src onerror={JS}>', 'mxss'],
  ['<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror={JS}>"></style></h1>', 'mxss'],
  ['<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror={JS} src=1>"></path></textarea></mtext></svg></mglyph></mi></math>', 'mxss'],
  ['<noscript><p title="</noscript><img src=x onerror={JS}>">', 'mxss'],
  ['<template><script>{JS}</script></template>', 'mxss'],
  ['<template><img src=x onerror={JS}></template>', 'mxss'],
  ['<template><style></template><img src=x onerror={JS}></style>', 'mxss'],
  ['<xmp><p title="</xmp><img src=x onerror={JS}>">', 'mxss'],
  ['<noembed><img title="</noembed><img src onerror={JS}>"></noembed>', 'mxss'],
  ['<noframes><img title="</noframes><img src onerror={JS}>"></noframes>', 'mxss'],
  ['<iframe><img title="</iframe><img src onerror={JS}>"></iframe>', 'mxss'],
  ['<textarea><img title="</textarea><img src onerror={JS}>"></textarea>', 'mxss'],
  ['<title><img title="</title><img src onerror={JS}>"></title>', 'mxss'],
  ['<style><img title="</style><img src onerror={JS}>"></style>', 'mxss'],
  ['<!--<img src="--><img src=x onerror={JS}//">', 'mxss'],
  ['<![CDATA[><img src=x onerror={JS}>]]>', 'mxss'],
  ['<!--><img src=x onerror={JS}>-->', 'mxss'],
  ['<?xml-stylesheet ?><img src=x onerror={JS}>', 'mxss'],
  ['<a title="&lt;img src=x onerror={JS}&gt;">x</a>', 'mxss'],
  ['&lt;img src=x onerror={JS}&gt;', 'encoding'],
  ['&#60;img src=x onerror={JS}&#62;', 'encoding'],
  ['%3Cimg%20src%3Dx%20onerror%3D{JS}%3E', 'encoding'],
  ['\\x3cimg src=x onerror={JS}\\x3e', 'encoding'],
  ['\\u003cimg src=x onerror={JS}\\u003e', 'encoding'],
  ['＜img src=x onerror={JS}＞', 'encoding'],
  ['<img src=x onerror="{JSDEC}">', 'encoding'],
  ['<img src=x onerror="{JSHEX}">', 'encoding'],
  ['<img src=x onerror={JSDECNOSEMI}>', 'encoding'],
  ['<IMG SRC={URLDEC}>', 'owasp'],
  ['<IMG SRC={URLDECNOSEMI}>', 'owasp'],
  ['<IMG SRC={URLHEX}>', 'owasp'],
  ['<a href="{URLDEC}">x</a>', 'owasp'],
];

/** Values that are dangerous as URLs (website fields, links). */
const URLS = [
  'javascript:{JS}',
  'JaVaScRiPt:{JS}',
  ' javascript:{JS}',
  '\tjavascript:{JS}',
  'java\tscript:{JS}',
  'java\nscript:{JS}',
  'javascript://%0a{JS}',
  'javascript://comment%0A{JS}',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+{JS}//\'>',
  'javascript:void({JS})',
  'data:text/html,<script>{JS}</script>',
  'data:text/html;base64,{B64}',
  'data:image/svg+xml,<svg onload="{JS}"/>',
  'https://behandlernettverk.no/"><img src=x onerror={JS}>',
  'http://x.example/?q=<script>{JS}</script>',
  '//x.example/"onmouseover="{JS}',
];

/** Attribute breakouts: values that end an attribute or tag and add a handler. */
const ATTRIBUTE = [
  '" onmouseover="{JS}" x="',
  "' onmouseover='{JS}' x='",
  '" autofocus onfocus="{JS}" x="',
  "' autofocus onfocus='{JS}' x='",
  '" onerror="{JS}" src="x',
  '"><img src=x onerror={JS}>',
  "'><img src=x onerror={JS}>",
  '`><img src=x onerror={JS}>',
  '"/><svg onload={JS}>',
  '" style="animation-name:x" onanimationstart="{JS}',
  '";{JS};//',
  "';{JS};//",
  '</script><script>{JS}</script>',
  '"}]});{JS};//',
  '${{JS}}',
  '{{constructor.constructor("{JS}")()}}',
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk={JS} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd={JS}//>\\x3e',
  '-->\'"/></sCript><deTailS open x=">" ontoggle=({JS})>',
  '"\'--></noscript></noembed></template></title></textarea></style></script><img src=x onerror={JS}>',
];

const BREAKOUTS = ['', '">', "'>", '</title>', '</textarea>', '</style>', '</script>', '-->', '</noscript>', '</template>', '</select>', ']]>'];

const payloads = [];
const seen = new Set();
const add = (template, source, variant = 0, prefix = '') => {
  const id = payloads.length;
  const call = jsVariants[variant % jsVariants.length](id);
  const vector =
    prefix +
    template
      .replaceAll('{JSDECNOSEMI}', decNoSemi(js(id)))
      .replaceAll('{JSDEC}', dec(js(id)))
      .replaceAll('{JSHEX}', hex(js(id)))
      .replaceAll('{URLDECNOSEMI}', decNoSemi(`javascript:${js(id)}`))
      .replaceAll('{URLDEC}', dec(`javascript:${js(id)}`, 3))
      .replaceAll('{URLHEX}', hex(`javascript:${js(id)}`))
      .replaceAll('{B64}', b64(`<script>${js(id)}</script>`))
      .replaceAll('{JS}', call);
  const key = vector.replace(/\d+/g, '#');
  if (seen.has(key)) return;
  seen.add(key);
  payloads.push({ id, source, vector });
};

HTML.forEach(([t, s]) => add(t, s));
HTML.forEach(([t, s], i) => add(t, s, 0, BREAKOUTS[1 + (i % (BREAKOUTS.length - 1))]));
HTML.forEach(([t, s], i) => add(t, s, 1 + (i % (jsVariants.length - 1))));
HTML.forEach(([t, s], i) => add(t, s, 1 + ((i + 2) % (jsVariants.length - 1)), "'>"));
URLS.forEach((t) => jsVariants.forEach((_, v) => add(t, 'owasp-url', v)));
ATTRIBUTE.forEach((t) => [0, 2, 3].forEach((v) => add(t, 'breakout', v)));

export const PROVENANCE = {
  owasp: 'OWASP XSS Filter Evasion Cheat Sheet',
  'owasp-url': 'OWASP XSS Filter Evasion Cheat Sheet (javascript:/data: URLs)',
  portswigger: 'PortSwigger Cross-site scripting cheat sheet (event handlers)',
  mxss: 'mutation XSS / namespace confusion (Cure53 DOMPurify bypass write-ups: Bentkowski, Heyes, Kinugawa)',
  encoding: 'entity / percent / JS-escape / full-width encodings',
  breakout: 'attribute and context breakouts, template-injection strings, polyglots (0xsobky, Heyes)',
};

const json = `${JSON.stringify({ provenance: PROVENANCE, sentinel: 'top.__xss(id)', payloads }, null, 1)}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(OUT, 'utf8') === json;
  console.log(same ? 'xss-payloads.json is current' : 'xss-payloads.json is stale: run node tests/security/xss-corpus.mjs');
  process.exit(same ? 0 : 1);
}
writeFileSync(OUT, json);
console.log(`${payloads.length} payloads -> ${OUT}`);
